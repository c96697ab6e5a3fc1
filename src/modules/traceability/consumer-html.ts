import type { ConsumerPage } from './consumer-schema.js';
import { CSS } from './consumer-css.js';
import { dmy, esc, word, type Lang } from './consumer-words.js';

// The consumer page: one small server-rendered document for a cheap phone (no framework, CSS inline, one small
// script of the platform's own for the two buttons). Every value is escaped; Vietnamese unless ?lang=en.


const row = (label: string, value: string | null | undefined) => (value ? `<dt>${esc(label)}</dt><dd>${esc(value)}</dd>` : '');

function head(p: ConsumerPage, lang: Lang): string {
  const name = lang === 'en' && p.product.nameEn ? p.product.nameEn : p.product.nameVi;
  const other = lang === 'vi' ? 'en' : 'vi';
  const switchUrl = `${p.pageUrl.replace(/^https?:\/\/[^/]+/, '')}?lang=${other}`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">`
    + `<title>${esc(name)} · ${esc(word(lang, 'title'))}</title><style>${CSS}</style></head>`
    + `<body data-uri="${esc(p.canonical)}" data-scan="${p.scanId}" data-lang="${lang}">`
    + `<header><span>${esc(word(lang, 'title'))}</span><a href="${esc(switchUrl)}" hreflang="${other}" lang="${other}">${esc(word(lang, 'other'))}</a></header><main>`;
}

function product(p: ConsumerPage, lang: Lang): string {
  const name = lang === 'en' && p.product.nameEn ? p.product.nameEn : p.product.nameVi;
  const category = lang === 'en' ? p.product.category.nameEn : p.product.category.nameVi;
  const ocop = p.product.ocop
    ? `<p><span class="stars" aria-hidden="true">${'★'.repeat(p.product.ocop.stars)}</span> ${esc(word(lang, 'ocop', { stars: p.product.ocop.stars }))}`
      + ` · ${esc(lang === 'en' ? p.product.ocop.group.nameEn : p.product.ocop.group.nameVi)}${p.product.ocop.year ? ` (${p.product.ocop.year})` : ''}</p>` : '';
  const image = p.product.imageUrl ? `<img class="product" src="${esc(p.product.imageUrl)}" alt="${esc(name)}" width="600" height="260">` : '';
  return `<section data-testid="product">${image}<h1>${esc(name)}</h1><p class="muted">${esc(category)} · GTIN ${esc(p.gtin)}</p>${ocop}`
    + `${p.product.description ? `<p>${esc(p.product.description)}</p>` : ''}${p.product.whereToBuy ? `<p><b>${esc(word(lang, 'whereToBuy'))}:</b> ${esc(p.product.whereToBuy)}</p>` : ''}</section>`;
}

function warnings(p: ConsumerPage, lang: Lang): string {
  const recall = p.warnings.filter((w) => w.kind === 'recall');
  const others = p.warnings.filter((w) => w.kind !== 'recall');
  return recall.map((w) => `<div class="recall" role="alert" data-testid="recall">⚠ ${esc(word(lang, 'recalled'))}<p>${esc(w.message[lang])}</p></div>`).join('')
    + (others.length ? `<section class="warn" data-testid="warnings"><h2>${esc(word(lang, 'warnings'))}</h2><ul>${others.map((w) => `<li>${esc(w.message[lang])}</li>`).join('')}</ul></section>` : '');
}

function seal(p: ConsumerPage, lang: Lang): string {
  if (!p.journey.length) return '';
  const ok = p.intact;
  return `<section class="seal ${ok ? 'ok' : 'bad'}" data-testid="seal" data-intact="${ok}"><span class="icon" aria-hidden="true">${ok ? '✔' : '✖'}</span>`
    + `<div><b>${esc(word(lang, ok ? 'intact' : 'broken'))}</b><br>${esc(word(lang, ok ? 'intactText' : 'brokenText'))}</div></section>`;
}

function producer(p: ConsumerPage, lang: Lang): string {
  const kinds = word(lang, 'kinds').split('|');
  const kind = kinds[['cooperative', 'household', 'enterprise'].indexOf(p.producer.kind)];
  const phone = p.producer.phone ? `<dt>${esc(word(lang, 'phone'))}</dt><dd><a href="tel:${esc(p.producer.phone.replace(/[^+0-9]/g, ''))}">${esc(p.producer.phone)}</a></dd>` : '';
  return `<section data-testid="producer"><h2>${esc(word(lang, 'producer'))}</h2><p><b>${esc(p.producer.name)}</b> <span class="muted">(${esc(kind)})</span></p>`
    + `<dl>${row(word(lang, 'address'), [p.producer.address, p.producer.commune].filter(Boolean).join(', '))}${phone}</dl></section>`;
}

function origin(p: ConsumerPage, lang: Lang, map: string): string {
  if (!p.origin.places.length && !map) return '';
  const places = p.origin.places.map((o) => `<li>${esc(o.name)} <span class="muted">(${esc(word(lang, 'areaCode'))} ${esc(o.code)}${o.commune ? `, ${esc(o.commune)}` : ''}${o.lat !== null && o.lon !== null ? `, ${o.lat.toFixed(4)}, ${o.lon.toFixed(4)}` : ''})</span></li>`).join('');
  return `<section data-testid="origin"><h2>${esc(word(lang, 'origin'))}</h2><ul>${places}</ul>${map}</section>`;
}

function lot(p: ConsumerPage, lang: Lang): string {
  if (!p.lot) return '';
  const l = p.lot;
  return `<section data-testid="lot"><h2>${esc(word(lang, 'lot'))}</h2><dl>${row(word(lang, 'lotNumber'), l.number)}${row(word(lang, 'serial'), p.serial)}`
    + `${row(word(lang, 'produced'), dmy(l.productionDate))}${row(word(lang, 'expiry'), l.expiryDate && dmy(l.expiryDate))}`
    + `${row(word(lang, 'quantity'), l.quantity !== null ? `${l.quantity}${l.uom ? ` ${l.uom}` : ''}` : null)}</dl></section>`;
}

function certificates(p: ConsumerPage, lang: Lang): string {
  const items = p.certificates.map((c) => `<li class="cert${c.expired ? ' expired' : ''}"><b>${esc(lang === 'en' ? c.scheme.nameEn : c.scheme.nameVi)}</b> ${esc(c.number)} · ${esc(c.issuer)}`
    + ` · ${esc(word(lang, 'validTo'))} ${dmy(c.validTo)}${c.expired ? ` <span class="tag">${esc(word(lang, 'expired'))}</span>` : ''}</li>`).join('');
  return `<section id="certificates" data-testid="certificates"><h2>${esc(word(lang, 'certificates'))}</h2>${items ? `<ul>${items}</ul>` : `<p class="muted">${esc(word(lang, 'noCertificates'))}</p>`}</section>`;
}

function journey(p: ConsumerPage, lang: Lang): string {
  if (!p.journey.length) return `<section data-testid="journey"><h2>${esc(word(lang, 'journey'))}</h2><p class="muted">${esc(word(lang, 'noJourney'))}</p></section>`;
  const steps = p.journey.map((s) => {
    const inputs = s.inputs.length ? `<ul class="inputs" aria-label="${esc(word(lang, 'inputs'))}">${s.inputs.map((i) => `<li>${esc(lang === 'en' ? i.nameEn : i.nameVi)}: ${esc(lang === 'en' ? i.valueEn : i.value)}</li>`).join('')}</ul>` : '';
    return `<li class="${s.farm ? 'farm' : 'cbv'}"><time datetime="${s.at.toISOString()}">${dmy(s.date)}</time> · <span class="step">${esc(lang === 'en' ? s.step.nameEn : s.step.nameVi)}</span>`
      + `${s.place ? `<br><span class="muted">${esc(s.place.name)}${s.place.commune ? `, ${esc(s.place.commune)}` : ''}</span>` : ''}${inputs}</li>`;
  }).join('');
  return `<section id="journey" data-testid="journey"><h2>${esc(word(lang, 'journey'))}</h2><ol class="journey">${steps}</ol></section>`;
}

function actions(p: ConsumerPage, lang: Lang): string {
  return `<section data-testid="share"><button type="button" id="share-location">${esc(word(lang, 'share'))}</button><p class="muted">${esc(word(lang, 'shareText'))}</p><p id="share-result" role="status"></p></section>`
    + `<section id="feedback" data-testid="feedback"><h2>${esc(word(lang, 'feedback'))}</h2><p class="muted">${esc(word(lang, 'feedbackText'))}</p>`
    + `<form id="feedback-form" data-product="${esc(p.product.nameVi)}" data-lot="${esc(p.lot?.number ?? '')}">`
    + `<label>${esc(word(lang, 'description'))}<textarea name="description" rows="3" minlength="10" maxlength="3000" required></textarea></label>`
    + `<label>${esc(word(lang, 'name'))}<input type="text" name="name" maxlength="120" autocomplete="name" required></label>`
    + `<label>${esc(word(lang, 'phone'))}<input type="tel" name="phone" maxlength="15" autocomplete="tel"></label>`
    + `<label><input type="checkbox" name="consent" required> ${esc(word(lang, 'consent'))}</label><button type="submit">${esc(word(lang, 'send'))}</button>`
    + `<p id="feedback-result" role="status"></p></form><p><a href="/cong-dan">${esc(word(lang, 'app'))}</a></p></section>`;
}

/** The whole page; `map` is the journey's SVG map (already safe markup, made by consumer-map.ts). */
export function consumerHtml(p: ConsumerPage, lang: Lang, map: string): string {
  return head(p, lang) + warnings(p, lang) + product(p, lang) + seal(p, lang) + producer(p, lang) + origin(p, lang, map) + lot(p, lang)
    + certificates(p, lang) + journey(p, lang) + actions(p, lang)
    + `<footer>${esc(p.canonical)}</footer></main><script src="/api/public/traceability/page.js" defer></script></body></html>`;
}
