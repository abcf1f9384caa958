// Prints HashiCorp's parse (via @cdktf/hcl2json) of .tf files as one JSON object keyed by path:
// { "<path>": { "ok": <parsed JSON> } | { "error": "<message>" } }.
// Usage: node hcl2json.js FILE-OR-DIRECTORY...
const fs = require("fs");
const path = require("path");
const { parse } = require("@cdktf/hcl2json");

function tfFiles(target) {
  if (!fs.statSync(target).isDirectory()) {
    return [target];
  }
  return fs
    .readdirSync(target, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) {
        return entry.name === "node_modules" ? [] : tfFiles(full);
      }
      return entry.name.endsWith(".tf") ? [full] : [];
    });
}

(async () => {
  const result = {};
  for (const file of process.argv.slice(2).flatMap(tfFiles)) {
    try {
      result[file] = { ok: await parse(file, fs.readFileSync(file, "utf8")) };
    } catch (error) {
      result[file] = { error: String(error && error.message ? error.message : error) };
    }
  }
  process.stdout.write(JSON.stringify(result));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
