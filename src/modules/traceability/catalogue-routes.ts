import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { processPhotos } from '../../core/cases/index.js';
import { ZFileReply } from '../../core/validation/index.js';
import { AppError } from '../../server/errors.js';
import { readMultipart } from '../../server/multipart.js';
import { sendDownload } from '../../server/replies.js';
import { addCertificate, certificateEvidenceFile, listCertificates, readCertificateRequest } from './certificates.js';
import { importMasterData } from './import.js';
import { lotRoutes } from './lot-routes.js';
import { createPlace, listPlaces } from './places.js';
import { TRACE_POLICY } from './policy.js';
import { createProduct, getProduct, listProducts, productImageFile, productInScope, replaceProductImage, updateProduct } from './products.js';
import {
  ZCertificateList, ZCertificateView, ZIdParam, ZImportResult, ZPlaceInput, ZPlaceList, ZPlaceView, ZProductInput, ZProductList, ZProductUpdate, ZProductView,
} from './schema.js';

const IMPORT_DESCRIPTION = [
  'A producer\'s products and/or lots from one file, multipart/form-data with the file in `file`: CSV (UTF-8, "," or ";") or Excel .xlsx (its first sheet).',
  'The first row names the columns (any order, case ignored): gtin (required), nameVi, nameEn, category, description, ocopStars, ocopGroup, ocopYear, whereToBuy',
  '(a product: nameVi and category present), lot, productionDate, expiryDate, quantity, uom, placeCode (a lot of the row\'s GTIN: of a product of the file or one',
  'already registered by the producer; dates yyyy-mm-dd or dd/mm/yyyy). A row may hold a product and its lot. A product already registered by the producer is',
  'updated with the fields given. The whole file is stored or nothing: a 400 import_invalid lists every bad row in `details` ({row, field, message, messages}).',
].join(' ');

/** Places, products, certificates and the import of master data; lots, serials and labels in lot-routes.ts. */
export async function catalogueRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now, config } = app.ctx;
  const tags = ['traceability'];
  const read = { access: TRACE_POLICY.read };
  const write = { access: TRACE_POLICY.write };

  app.get('/api/traceability/producers/:id/places', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZPlaceList } } },
    async (request) => listPlaces(db, request.user!, request.params.id));
  app.post('/api/traceability/producers/:id/places', { config: write, schema: { tags, params: ZIdParam, body: ZPlaceInput, response: { 201: ZPlaceView } } },
    async (request, reply) => reply.status(201).send(await createPlace({ db, actor: request.user!, producerId: request.params.id, input: request.body, request })));

  app.get('/api/traceability/products', { config: read, schema: { tags, response: { 200: ZProductList } } }, async (request) => listProducts(db, request.user!));
  app.post('/api/traceability/producers/:id/products', { config: write, schema: { tags, params: ZIdParam, body: ZProductInput, response: { 201: ZProductView } } },
    async (request, reply) => reply.status(201).send(await createProduct({ db, actor: request.user!, producerId: request.params.id, input: request.body, now: now(), request })));
  app.get('/api/traceability/products/:id', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZProductView } } },
    async (request) => getProduct(db, request.user!, request.params.id));
  app.patch('/api/traceability/products/:id', { config: write, schema: { tags, params: ZIdParam, body: ZProductUpdate, response: { 200: ZProductView } } },
    async (request) => updateProduct({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));
  app.put('/api/traceability/products/:id/image', {
    config: write, schema: { tags, params: ZIdParam, response: { 200: ZProductView }, description: 'The product\'s photo: multipart/form-data with one image (JPEG, PNG, WebP, HEIF) in `image`, stored re-encoded as JPEG without metadata.' },
  }, async (request) => {
    // Whose product it is, before its upload is read: another producer's product is refused as such, whatever is sent.
    await productInScope(db, request.user!, request.params.id);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    const { files } = await readMultipart(request, ['image']);
    if (files.length !== 1) throw new AppError('one_file_expected', { kind: 'JPEG, PNG', name: 'image' }, 'image');
    const [photo] = await processPhotos(files, 'image');
    return replaceProductImage({ db, actor: request.user!, id: request.params.id, photo: photo!, now: now(), request });
  });
  app.get('/api/traceability/products/:id/image', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZFileReply } } }, async (request, reply) => {
    const file = await productImageFile(db, request.user!, request.params.id);
    return reply.type(file.type).header('x-content-type-options', 'nosniff').send(file.body);
  });

  app.get('/api/traceability/producers/:id/certificates', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZCertificateList } } },
    async (request) => listCertificates(db, request.user!, request.params.id));
  app.post('/api/traceability/producers/:id/certificates', {
    config: write, schema: { tags, params: ZIdParam, response: { 201: ZCertificateView }, description: 'A certificate: JSON, or multipart/form-data with the JSON in `certificate` and its evidence (PDF, JPEG or PNG) in `evidence`.' },
  }, async (request, reply) => {
    const { input, evidence } = await readCertificateRequest(request);
    return reply.status(201).send(await addCertificate({ db, actor: request.user!, producerId: request.params.id, input, evidence, now: now(), request }));
  });
  app.get('/api/traceability/certificates/:id/evidence', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZFileReply } } },
    async (request, reply) => sendDownload(reply.header('x-content-type-options', 'nosniff'), await certificateEvidenceFile(db, request.user!, request.params.id)));

  app.post('/api/traceability/producers/:id/import', { config: write, schema: { tags, params: ZIdParam, response: { 200: ZImportResult }, description: IMPORT_DESCRIPTION } },
    async (request) => importMasterData({ db, actor: request.user!, producerId: request.params.id, request, now: now(), limits: config.workbook }));

  await app.register(lotRoutes);
}
