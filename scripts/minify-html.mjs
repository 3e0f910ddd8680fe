#!/usr/bin/env node
// Minifies a page of the app in place: each inline script through Debian's terser (local names and
// dead code only: top-level names stay, which plotline.js and the page share), the style sheet and the
// markup without their comments and indentation. The source keeps its comments; the download does not.
//
//   node scripts/minify-html.mjs FILE.html
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire('/usr/share/nodejs/');
const { minify } = require('terser');

const file = process.argv[2];
if (!file) {
  console.error('usage: minify-html.mjs FILE.html');
  process.exit(2);
}
// The inline scripts are set aside (\u0000<n>) while the markup and style sheet lose their comments and
// indentation, so nothing inside a script is touched but by terser.
const scripts = [];
let html = readFileSync(file, 'utf8').replace(/<script>([\s\S]*?)<\/script>/g, (_, code) => `<script>\u0000${scripts.push(code) - 1}</script>`);
const minified = [];
for (const code of scripts) {
  const out = await minify(code, { compress: true, mangle: true });
  if (out.code === undefined) throw new Error(`${file}: an inline script could not be minified`);
  minified.push(out.code);
}
html = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) =>
  `<style>${css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n').replace(/\s*([{};])\s*/g, '$1').trim()}</style>`);
html = html.replace(/<!--[\s\S]*?-->\n?/g, '').replace(/\n\s+/g, '\n');
html = html.replace(/<script>\u0000(\d+)<\/script>/g, (_, n) => `<script>${minified[Number(n)]}</script>`);
writeFileSync(file, html);
