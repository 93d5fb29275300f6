// Parses each .tf file named on the command line with HashiCorp's HCL parser (wasm build of
// hashicorp/hcl) and formats it with hclwrite (the core of `terraform fmt`). Prints one JSON line
// per file: {file, error} when it does not parse, else {file, canonical, json}.
import { readFileSync } from "node:fs";
import { parse } from "@cdktf/hcl2json";
import { format } from "@cdktf/hcl-tools";

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  let json;
  try {
    json = await parse(file, source);
  } catch (e) {
    console.log(JSON.stringify({ file, error: String(e).replace(/^Error: /, "") }));
    continue;
  }
  const formatted = await format(source);
  console.log(JSON.stringify({ file, canonical: formatted === source, formatted, json }));
}
