// The loader snippet of embedding.md (as demo/site/stub.js).
window.ringback=window.ringback||function(){(ringback.q=ringback.q||[]).push(arguments)}
