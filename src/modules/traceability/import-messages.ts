import type { Locale } from '../../db/schema.js';

/** Why a row of a master-data file is refused, beyond what the schemas say (their messages are ISSUE_MESSAGES'). */
export const IMPORT_FAULTS = {
  import_column_unknown: { vi: 'cột không có trong mẫu nhập', en: 'not a column of the import template' },
  import_gtin_column: { vi: 'tệp cần cột gtin', en: 'the file needs a gtin column' },
  import_row_kind: { vi: 'dòng cần thông tin sản phẩm (nameVi, category) hoặc lô hàng (lot)', en: 'a row needs product fields (nameVi, category) or a lot (lot)' },
  import_gtin_repeated: { vi: 'GTIN này đã có ở một dòng sản phẩm trước trong tệp', en: 'this GTIN is on an earlier product row of the file' },
  import_gtin_other: { vi: 'GTIN đã được đăng ký cho sản phẩm của cơ sở khác', en: 'the GTIN is registered to another producer\'s product' },
  import_product_unknown: { vi: 'cơ sở chưa có sản phẩm mang GTIN này (trong tệp hoặc đã đăng ký)', en: 'the producer has no product with this GTIN (in the file or registered)' },
  import_lot_repeated: { vi: 'lô này đã có ở một dòng trước trong tệp', en: 'this lot is on an earlier row of the file' },
  import_lot_taken: { vi: 'sản phẩm đã có lô này', en: 'the product already has this lot' },
  import_place_unknown: { vi: 'cơ sở không có vùng trồng/cơ sở mang mã này', en: 'the producer has no place with this code' },
} as const satisfies Record<string, Record<Locale, string>>;
export type ImportFault = keyof typeof IMPORT_FAULTS;
