// Parses every .tf file under a folder with HashiCorp's parser (@cdktf/hcl2json) and prints the parse time alone.
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "../../tools/hcl2json/node_modules/@cdktf/hcl2json"));

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : entry.name.endsWith(".tf") ? [full] : [];
  });
}

(async () => {
  const all = files(process.argv[2]);
  const texts = all.map((file) => [file, fs.readFileSync(file, "utf8")]);
  await parse("warmup.tf", 'a = 1\n'); // loads the WebAssembly module outside the timing
  const started = process.hrtime.bigint();
  for (const [file, text] of texts) {
    await parse(file, text);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ files: all.length, parseSeconds: seconds }));
})();
