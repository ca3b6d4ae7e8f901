#!/usr/bin/env node
// CommonJS on purpose: Node 20 starts a CommonJS entry faster (see src/cli/bundles.ts).
require('../dist/cli.cjs');
