-- Sources shown to users are sentences for users (issue 13, point 2). A database loaded before gets the sentences of
-- data/reference/indicators/resolution-07.json where it still holds the old internal notes ('seed 002', 'dti-ioc.md §3',
-- '[?] …'); a source an administrator has changed since is left alone. The notes behind each sentence are in SOURCE.md.
UPDATE indicator AS i SET source = s.new_source FROM (VALUES
  ('NQ07_EDOC_LINKED', 'seed 001', 'Báo cáo của Sở Thông tin và Truyền thông tại Hội nghị chuyển đổi số tỉnh Sóc Trăng năm 2022 (21/11/2022)'),
  ('NQ07_WORKFILES_PROVINCE', 'seed 001; dti-ioc.md §3', 'Báo cáo của Sở Thông tin và Truyền thông tại Hội nghị chuyển đổi số tỉnh Sóc Trăng năm 2022 (21/11/2022); Báo Sài Gòn Giải Phóng – Đầu tư Tài chính (dttc.sggp.org.vn), số liệu giữa năm 2023'),
  ('NQ07_WORKFILES_DISTRICT', 'seed 001; dti-ioc.md §3', 'Báo cáo của Sở Thông tin và Truyền thông tại Hội nghị chuyển đổi số tỉnh Sóc Trăng năm 2022 (21/11/2022); Báo Sài Gòn Giải Phóng – Đầu tư Tài chính (dttc.sggp.org.vn), số liệu giữa năm 2023'),
  ('NQ07_WORKFILES_COMMUNE', 'dti-ioc.md §3', 'Báo Sài Gòn Giải Phóng – Đầu tư Tài chính (dttc.sggp.org.vn), số liệu giữa năm 2023'),
  ('NQ07_OFFICIAL_MAILBOX', 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_REPORT_REGIMES', 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_DIGITAL_ECONOMY', 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_EINVOICE', 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_PAYMENT_ACCOUNT', 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_HH_FIBRE', 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_SMARTPHONE', 'dti-ioc.md §3', 'ICTnews (ictnews.vietnamnet.vn), số liệu năm 2022'),
  ('NQ07_OFFICIALS_TRAINED', 'seed 001', 'Báo cáo của Sở Thông tin và Truyền thông tại Hội nghị chuyển đổi số tỉnh Sóc Trăng năm 2022 (21/11/2022)'),
  ('NQ07_OFFICIALS_TRAINED_LEADERS', 'seed 001', 'Báo cáo của Sở Thông tin và Truyền thông tại Hội nghị chuyển đổi số tỉnh Sóc Trăng năm 2022 (21/11/2022)'),
  ('DTI_RANK', 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('DTI_GOV', 'seed 002; dti-ioc.md §2', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023); Bảng xếp hạng DTI cấp tỉnh của Bộ Thông tin và Truyền thông (dti.gov.vn)'),
  ('DTI_ECO', 'dti-ioc.md §2', 'Kết quả xếp hạng DTI năm 2020 của tỉnh Sóc Trăng (cchctest.soctrang.gov.vn)'),
  ('DTI_SOC', 'seed 002; dti-ioc.md §2', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023); Bảng xếp hạng DTI cấp tỉnh của Bộ Thông tin và Truyền thông (dti.gov.vn)'),
  ('DTI_NATIONAL_AVG', 'seed 002; dti-ioc.md §2', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023); Bảng xếp hạng DTI cấp tỉnh của Bộ Thông tin và Truyền thông (dti.gov.vn)')
) AS s(code, old_source, new_source) WHERE i.code = s.code AND i.source = s.old_source;

UPDATE indicator_target AS t SET source = s.new_source FROM indicator AS i, (VALUES
  ('NQ07_EDOC_LINKED', 2025, '[?] 2025 target assumed full linkage (Decision 942/QĐ-TTg: 100% inter-agency documents electronic)', 'Theo mục tiêu năm 2025 của Quyết định 942/QĐ-TTg (100% văn bản giữa các cơ quan là văn bản điện tử); chưa đối chiếu với văn bản Nghị quyết 07-NQ/TU'),
  ('NQ07_WORKFILES_PROVINCE', 2025, 'provincial DT plan of Jan 2021 [?], Decision 942/QĐ-TTg', 'Kế hoạch chuyển đổi số của tỉnh (tháng 1/2021) và Quyết định 942/QĐ-TTg; chưa đối chiếu với văn bản Nghị quyết 07-NQ/TU'),
  ('NQ07_WORKFILES_PROVINCE', 2030, 'nhandan.vn post715894 (Party Secretary)', 'Mục tiêu đến năm 2030 do Bí thư Tỉnh ủy Sóc Trăng nêu (Báo Nhân Dân, nhandan.vn)'),
  ('NQ07_WORKFILES_DISTRICT', 2025, 'provincial DT plan of Jan 2021 [?], Decision 942/QĐ-TTg', 'Kế hoạch chuyển đổi số của tỉnh (tháng 1/2021) và Quyết định 942/QĐ-TTg; chưa đối chiếu với văn bản Nghị quyết 07-NQ/TU'),
  ('NQ07_WORKFILES_DISTRICT', 2030, 'nhandan.vn post715894', 'Mục tiêu đến năm 2030 do Bí thư Tỉnh ủy Sóc Trăng nêu (Báo Nhân Dân, nhandan.vn)'),
  ('NQ07_WORKFILES_COMMUNE', 2025, 'provincial DT plan of Jan 2021 [?], Decision 942/QĐ-TTg', 'Kế hoạch chuyển đổi số của tỉnh (tháng 1/2021) và Quyết định 942/QĐ-TTg; chưa đối chiếu với văn bản Nghị quyết 07-NQ/TU'),
  ('NQ07_WORKFILES_COMMUNE', 2030, 'nhandan.vn post715894', 'Mục tiêu đến năm 2030 do Bí thư Tỉnh ủy Sóc Trăng nêu (Báo Nhân Dân, nhandan.vn)'),
  ('NQ07_OFFICIAL_MAILBOX', 2025, '[?] Decision 942/QĐ-TTg (100% officials with digital identity)', 'Theo Quyết định 942/QĐ-TTg (100% cán bộ, công chức có định danh số); chưa đối chiếu với văn bản Nghị quyết 07-NQ/TU'),
  ('NQ07_REPORT_REGIMES', 2025, 'seed 002; provincial DT plan of Jan 2021 (100% of reporting regimes digitised)', 'Kế hoạch chuyển đổi số của tỉnh (tháng 1/2021): 100% chế độ báo cáo được số hóa; Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_DIGITAL_ECONOMY', 2025, 'seed 002', 'Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu» về kết quả thực hiện Nghị quyết 07-NQ/TU (số liệu đến cuối năm 2023)'),
  ('NQ07_DIGITAL_ECONOMY', 2030, 'nhandan.vn post715894', 'Mục tiêu đến năm 2030 do Bí thư Tỉnh ủy Sóc Trăng nêu (Báo Nhân Dân, nhandan.vn)'),
  ('NQ07_EINVOICE', 2025, '[?] assumed full coverage', 'Giả định toàn bộ doanh nghiệp sử dụng; chưa có chỉ tiêu chính thức, chưa đối chiếu với văn bản Nghị quyết 07-NQ/TU'),
  ('NQ07_PAYMENT_ACCOUNT', 2025, 'derived from seed 002: 69.29% is 139% of the target', 'Suy ra từ kết quả tháng 10/2023: 69,29% là 139% chỉ tiêu (Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu»)'),
  ('NQ07_PAYMENT_ACCOUNT', 2030, 'nhandan.vn post715894 [?]', 'Mục tiêu đến năm 2030 do Bí thư Tỉnh ủy Sóc Trăng nêu (Báo Nhân Dân, nhandan.vn); nguồn ghi không trọn câu, cần đối chiếu'),
  ('NQ07_HH_FIBRE', 2025, 'provincial DT plan of Jan 2021 (fibre > 80%) [?]', 'Kế hoạch chuyển đổi số của tỉnh (tháng 1/2021): trên 80% hộ có cáp quang; chưa đối chiếu với văn bản Nghị quyết 07-NQ/TU'),
  ('NQ07_HH_FIBRE', 2030, 'nhandan.vn post715894', 'Mục tiêu đến năm 2030 do Bí thư Tỉnh ủy Sóc Trăng nêu (Báo Nhân Dân, nhandan.vn)'),
  ('NQ07_SMARTPHONE', 2025, 'Decision 411/QĐ-TTg (national)', 'Chỉ tiêu quốc gia năm 2025, Quyết định 411/QĐ-TTg')
) AS s(code, year, old_source, new_source)
WHERE i.code = s.code AND t.indicator_id = i.id AND t.year = s.year AND t.source = s.old_source;

-- A parent's non-additive figure is no longer one child's (core/data/analytics, coversUnits): answers cached under
-- the old rule are dropped, to be computed again.
DELETE FROM analytics_cache;
