// Kept in step with package.json by tests/unit/readme.test.ts.
export const VERSION = '0.1.0';
