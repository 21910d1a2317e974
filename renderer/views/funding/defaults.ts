// Default rows an office can start from: the component contents of the NTM program 2021-2025
// (Quyết định 263/QĐ-TTg) for Biểu 07, and the target indicators of Biểu 02.

export const DEFAULT_RECURRENT_CONTENTS: readonly string[] = [
  'Nâng cao hiệu quả quản lý và thực hiện xây dựng nông thôn mới theo quy hoạch',
  'Phát triển hạ tầng kinh tế - xã hội',
  'Phát triển sản xuất gắn với cơ cấu lại ngành nông nghiệp, Chương trình OCOP',
  'Giảm nghèo bền vững, giải quyết việc làm, đào tạo nghề',
  'Nâng cao chất lượng giáo dục, y tế và chăm sóc sức khỏe người dân',
  'Nâng cao chất lượng đời sống văn hóa',
  'Bảo vệ môi trường, xây dựng cảnh quan nông thôn sáng - xanh - sạch - đẹp',
  'Nâng cao chất lượng dịch vụ hành chính công, chuyển đổi số',
  'Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội',
  'Giữ vững quốc phòng, an ninh và trật tự xã hội nông thôn',
  'Giám sát, đánh giá, truyền thông và nâng cao năng lực thực hiện Chương trình',
];

export const DEFAULT_TARGET_INDICATORS: readonly { code: string; label: string; unit: string }[] = [
  { code: 'income', label: 'Thu nhập bình quân đầu người', unit: 'triệu đồng/người/năm' },
  { code: 'poverty', label: 'Tỷ lệ hộ nghèo đa chiều', unit: '%' },
  { code: 'health_insurance', label: 'Tỷ lệ người dân tham gia bảo hiểm y tế', unit: '%' },
  { code: 'trained_labour', label: 'Tỷ lệ lao động qua đào tạo', unit: '%' },
];
