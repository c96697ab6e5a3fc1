// The consumer page's words, Vietnamese first; {x} is filled by the page.

export type Lang = 'vi' | 'en';

const WORDS = {
  title: ['Truy xuất nguồn gốc', 'Product traceability'],
  other: ['English', 'Tiếng Việt'],
  recalled: ['SẢN PHẨM ĐÃ BỊ THU HỒI', 'THIS PRODUCT HAS BEEN RECALLED'],
  warnings: ['Cảnh báo', 'Warnings'],
  intact: ['Nhật ký nguyên vẹn', 'Record intact'],
  intactText: [
    'Mọi bước dưới đây khớp với chuỗi mã băm của cơ sở: không bước nào bị sửa sau khi ghi nhận.',
    'Every step below matches the producer\'s hash chain: none has been changed since it was recorded.',
  ],
  broken: ['Nhật ký KHÔNG nguyên vẹn', 'Record NOT intact'],
  brokenText: [
    'Có bước dưới đây không khớp với chuỗi mã băm: dữ liệu đã bị sửa sau khi ghi nhận. Hãy thận trọng và báo cho cơ quan chức năng.',
    'A step below does not match the hash chain: the data was changed after it was recorded. Be careful and tell the authorities.',
  ],
  noJourney: ['Chưa có nhật ký sản xuất cho mã này.', 'No production record for this code yet.'],
  producer: ['Cơ sở sản xuất', 'Producer'],
  address: ['Địa chỉ', 'Address'],
  phone: ['Điện thoại', 'Phone'],
  origin: ['Vùng nguyên liệu', 'Origin'],
  areaCode: ['mã vùng', 'area code'],
  lot: ['Lô hàng', 'Lot'],
  lotNumber: ['Số lô', 'Lot number'],
  serial: ['Số sê-ri', 'Serial'],
  produced: ['Ngày sản xuất', 'Production date'],
  expiry: ['Hạn sử dụng', 'Expiry date'],
  quantity: ['Số lượng', 'Quantity'],
  certificates: ['Chứng nhận', 'Certificates'],
  noCertificates: ['Chưa có chứng nhận.', 'No certificate.'],
  validTo: ['hiệu lực đến', 'valid to'],
  expired: ['ĐÃ HẾT HẠN', 'EXPIRED'],
  journey: ['Hành trình sản phẩm', 'The product\'s journey'],
  inputs: ['Vật tư đã dùng', 'Inputs used'],
  map: ['Bản đồ các địa điểm của hành trình', 'Map of the journey\'s places'],
  ocop: ['OCOP {stars} sao', 'OCOP {stars} stars'],
  whereToBuy: ['Nơi bán', 'Where to buy'],
  share: ['Chia sẻ vị trí của tôi', 'Share my location'],
  shareText: [
    'Giúp phát hiện hàng giả: vị trí chỉ được gửi khi bạn bấm nút, và chỉ dùng để so sánh các lượt quét mã.',
    'Helps find fakes: your location is sent only when you press the button, and only used to compare scans of the code.',
  ],
  feedback: ['Góp ý, phản ánh về sản phẩm', 'Feedback about the product'],
  feedbackText: ['Gửi đến hệ thống tiếp nhận phản ánh của tỉnh (an toàn thực phẩm).', 'Sent to the province\'s citizen feedback service (food safety).'],
  description: ['Nội dung (ít nhất 10 ký tự)', 'What happened (10 characters at least)'],
  name: ['Họ tên', 'Your name'],
  consent: ['Tôi đồng ý cho cơ quan nhà nước dùng thông tin liên hệ để xử lý phản ánh.', 'I agree that the authorities may use my contact details to handle this report.'],
  send: ['Gửi phản ánh', 'Send'],
  app: ['Hoặc mở ứng dụng Công dân', 'Or open the citizens\' app'],
  kinds: ['Hợp tác xã|Hộ sản xuất|Doanh nghiệp', 'Cooperative|Household|Enterprise'],
  product: ['Sản phẩm', 'Product'],
} as const;

export type Word = keyof typeof WORDS;

export const word = (lang: Lang, key: Word, fill: Record<string, string | number> = {}): string =>
  WORDS[key][lang === 'vi' ? 0 : 1].replace(/\{(\w+)\}/g, (_, k: string) => String(fill[k] ?? ''));

/** An ISO day as dd/mm/yyyy. */
export const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** HTML-escapes a value for text and double-quoted attributes. */
export const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
