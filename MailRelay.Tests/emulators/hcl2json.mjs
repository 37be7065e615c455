// Parses every .tf and .tfvars file under a folder with @cdktf/hcl2json (Terraform's own HCL parser, built to
// WebAssembly) and writes one JSON object { "<path relative to the folder>": <parsed file> } to
// the output file. The Terraform structure tests read it; no Terraform binary is needed.
//
//   node hcl2json.mjs <folder> <output.json>    # prints "PARSED <file count>" when done
import { parse } from '@cdktf/hcl2json';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [root, output] = process.argv.slice(2);
if (!root || !output) {
  console.error('usage: node hcl2json.mjs <folder> <output.json>');
  process.exit(2);
}

const files = (await readdir(root, { recursive: true }))
  .filter((name) => (name.endsWith('.tf') || name.endsWith('.tfvars')) && !name.split(path.sep).includes('.terraform'))
  .sort();

const parsed = {};
for (const file of files) {
  const text = await readFile(path.join(root, file), 'utf8');
  try {
    parsed[file.split(path.sep).join('/')] = await parse(file, text);
  } catch (error) {
    console.error(`${file}: ${error.message ?? error}`);
    process.exit(1);
  }
}
await writeFile(output, JSON.stringify(parsed));
console.log(`PARSED ${files.length}`);
