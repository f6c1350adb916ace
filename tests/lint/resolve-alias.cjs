// Read by .dependency-cruiser.cjs only: '@/x' is the project root's x, as in .wxt/tsconfig.json.
const path = require('node:path');
module.exports = { resolve: { alias: { '@': path.resolve(__dirname, '../..') } } };
