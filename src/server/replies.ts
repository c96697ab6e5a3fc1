import type { FastifyReply } from 'fastify';

/**
 * Sends a file to download (a CSV, a workbook, a PDF) from a route whose response schema describes its JSON answer:
 * Fastify sends strings and buffers of a non-JSON type as they are, past the route's serializer. The file name is
 * given in both forms so that Vietnamese names survive every browser.
 */
export function sendDownload(reply: FastifyReply, file: { type: string; name: string; body: string | Buffer }): FastifyReply {
  const ascii = file.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.-]+/g, '_');
  return reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.body);
}

/**
 * Sends JSON already serialised (a cached answer) from a route whose response schema describes it: Fastify sends
 * JSON text as it is, so the schema documents the answer without encoding it again.
 */
export function sendJsonText(reply: FastifyReply, text: string, type = 'application/json; charset=utf-8'): FastifyReply {
  return reply.type(type).send(text);
}
