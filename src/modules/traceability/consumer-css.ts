// The consumer page's style sheet, inlined in the page: readable at 360 px, nothing wider than the screen.

export const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f23;background:#f4f6f4}
main{max-width:640px;margin:0 auto;padding:0 12px 24px}header{background:#1f6f43;color:#fff;padding:10px 12px;display:flex;justify-content:space-between;align-items:center;gap:8px}
header a{color:#fff}h1{font-size:1.35rem;margin:12px 0 4px}h2{font-size:1.05rem;margin:0 0 8px}section{background:#fff;border-radius:8px;padding:12px;margin:12px 0;overflow-wrap:anywhere}
img.product{width:100%;max-height:260px;object-fit:cover;border-radius:8px;display:block}.muted{color:#5b636b;font-size:.9rem}
.recall{background:#b00020;color:#fff;font-weight:700;font-size:1.15rem;padding:14px;border-radius:8px;margin:12px 0}.recall p{margin:4px 0 0;font-weight:400;font-size:1rem}
.warn{background:#fff4e5;border-left:4px solid #e08600}.warn li{margin:4px 0}
.seal{display:flex;gap:10px;align-items:flex-start}.seal b{font-size:1.05rem}.seal .icon{font-size:1.6rem;line-height:1}.ok{border-left:4px solid #1f6f43}.bad{border-left:4px solid #b00020;background:#fdecee}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}dt{color:#5b636b}dd{margin:0}
ol.journey{list-style:none;padding:0;margin:0;border-left:3px solid #1f6f43}ol.journey>li{position:relative;padding:0 0 12px 14px}
ol.journey>li::before{content:"";position:absolute;left:-8px;top:5px;width:13px;height:13px;border-radius:50%;background:#1f6f43}
ol.journey>.farm::before{background:#7bb661}.step{font-weight:600}ul.inputs{margin:4px 0 0;padding-left:18px;font-size:.95rem}
.cert.expired{color:#b00020}.tag{display:inline-block;font-size:.8rem;padding:0 6px;border-radius:4px;background:#b00020;color:#fff}
svg.map{width:100%;height:auto;background:#e8f0f7;border-radius:6px}svg.map .units path{fill:#fff;stroke:#8aa1b4;stroke-width:1}
svg.map .route polyline{fill:none;stroke:#1f6f43;stroke-width:2;stroke-dasharray:4 3}svg.map circle{fill:#1f6f43;stroke:#fff;stroke-width:2}
svg.map text{fill:#fff;font-size:9px;text-anchor:middle;font-weight:700}ol.legend{margin:6px 0 0;padding-left:20px;font-size:.9rem}
button,input,textarea{font:inherit;max-width:100%}button{background:#1f6f43;color:#fff;border:0;border-radius:6px;padding:8px 14px}
textarea,input[type=text],input[type=tel]{width:100%;padding:6px;border:1px solid #aab;border-radius:4px}label{display:block;margin:6px 0}
.stars{color:#e0a800;letter-spacing:1px}footer{font-size:.8rem;color:#5b636b;overflow-wrap:anywhere;margin-top:12px}`;
