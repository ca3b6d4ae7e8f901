#!/usr/bin/env node
// CommonJS on purpose: Node 20 starts one CommonJS file faster than ES modules (BENCHMARKS.md).
require('../dist/cli.cjs');
