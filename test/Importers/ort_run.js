// Runs ONNX models with onnxruntime-node (CPU) for onnx_ort_crosscheck.py.
//
//   node ort_run.js ONNXRUNTIME_NODE_DIR JOBS.json
//
// JOBS.json: [{"model": PATH, "feeds": [{"name", "file", "dims"}], "out": PATH}]
// with float32 operands as raw little-endian files. Writes each output to
// "out" (raw float32) and its dims to "out".json; a model onnxruntime rejects
// gets "out".error with the message instead.
const fs = require('fs');
const ort = require(process.argv[2]);

function readFloat32(file) {
  const buf = fs.readFileSync(file);
  // Copy: a Buffer's offset need not be 4-byte aligned.
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
}

(async () => {
  const jobs = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  for (const job of jobs) {
    try {
      const session = await ort.InferenceSession.create(job.model);
      const feeds = {};
      for (const f of job.feeds)
        feeds[f.name] = new ort.Tensor('float32', readFloat32(f.file), f.dims);
      const results = await session.run(feeds);
      const y = results[session.outputNames[0]];
      fs.writeFileSync(job.out, Buffer.from(y.data.buffer, y.data.byteOffset, y.data.byteLength));
      fs.writeFileSync(job.out + '.json', JSON.stringify(y.dims));
    } catch (e) {
      fs.writeFileSync(job.out + '.error', String(e && e.message ? e.message : e));
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
