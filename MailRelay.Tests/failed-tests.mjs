// Prints the failed tests of a dotnet test run once more, at the end of the output, from the TRX
// files the run wrote: CI shows only the tail of a long log, so a failure must be readable there.
// Usage: node failed-tests.mjs <results directory>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const directory = process.argv[2];
const decode = (text) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

let failed = 0;
for (const file of readdirSync(directory).filter((name) => name.endsWith(".trx"))) {
  const trx = readFileSync(join(directory, file), "utf8");
  // One chunk per result, from its tag to the next one's: a passed result is often a lone tag, so
  // matching a tag to its closing one would pair it with the next failed result's details.
  for (const chunk of trx.split("<UnitTestResult ").slice(1)) {
    if (!/^[^<]*\boutcome="Failed"/.test(chunk)) continue;
    failed++;
    const name = decode(/\btestName="([^"]*)"/.exec(chunk)?.[1] ?? "(unnamed)");
    const message = decode(/<Message>([\s\S]*?)<\/Message>/.exec(chunk)?.[1] ?? "");
    const stack = decode(/<StackTrace>([\s\S]*?)<\/StackTrace>/.exec(chunk)?.[1] ?? "");
    console.log(`\nFAILED ${name}\n${message.trim()}\n${stack.trim().split("\n").slice(0, 12).join("\n")}`);
  }
}
console.log(failed === 0 ? "\nNo test failed." : `\n${failed} test(s) failed; each is listed above.`);
