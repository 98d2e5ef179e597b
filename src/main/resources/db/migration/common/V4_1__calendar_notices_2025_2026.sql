-- State Council notices for 2025 and 2026, transcribed day by day (holidays incl. weekend days inside a holiday
-- period; WORKDAY = make-up working day 调休上班, always a Saturday or Sunday). No 2027 notice was published when
-- this was written: 2027 falls back to the statutory dates until an admin enters its notice.
INSERT INTO calendar_year (year_number, title, reference, confirmed_at) VALUES
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）', 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm', TIMESTAMP WITH TIME ZONE '2024-11-12 18:00:00+08:00'),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm', TIMESTAMP WITH TIME ZONE '2025-11-04 18:00:00+08:00');

-- 2025
INSERT INTO calendar_day (day_date, kind, name, source_year, updated_at) VALUES
    (DATE '2025-01-01', 'HOLIDAY', '元旦', 2025, CURRENT_TIMESTAMP), -- 周三
    (DATE '2025-01-28', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周二
    (DATE '2025-01-29', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周三
    (DATE '2025-01-30', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周四
    (DATE '2025-01-31', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周五
    (DATE '2025-02-01', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周六
    (DATE '2025-02-02', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周日
    (DATE '2025-02-03', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周一
    (DATE '2025-02-04', 'HOLIDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周二
    (DATE '2025-01-26', 'WORKDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周日 上班
    (DATE '2025-02-08', 'WORKDAY', '春节', 2025, CURRENT_TIMESTAMP), -- 周六 上班
    (DATE '2025-04-04', 'HOLIDAY', '清明节', 2025, CURRENT_TIMESTAMP), -- 周五
    (DATE '2025-04-05', 'HOLIDAY', '清明节', 2025, CURRENT_TIMESTAMP), -- 周六
    (DATE '2025-04-06', 'HOLIDAY', '清明节', 2025, CURRENT_TIMESTAMP), -- 周日
    (DATE '2025-05-01', 'HOLIDAY', '劳动节', 2025, CURRENT_TIMESTAMP), -- 周四
    (DATE '2025-05-02', 'HOLIDAY', '劳动节', 2025, CURRENT_TIMESTAMP), -- 周五
    (DATE '2025-05-03', 'HOLIDAY', '劳动节', 2025, CURRENT_TIMESTAMP), -- 周六
    (DATE '2025-05-04', 'HOLIDAY', '劳动节', 2025, CURRENT_TIMESTAMP), -- 周日
    (DATE '2025-05-05', 'HOLIDAY', '劳动节', 2025, CURRENT_TIMESTAMP), -- 周一
    (DATE '2025-04-27', 'WORKDAY', '劳动节', 2025, CURRENT_TIMESTAMP), -- 周日 上班
    (DATE '2025-05-31', 'HOLIDAY', '端午节', 2025, CURRENT_TIMESTAMP), -- 周六
    (DATE '2025-06-01', 'HOLIDAY', '端午节', 2025, CURRENT_TIMESTAMP), -- 周日
    (DATE '2025-06-02', 'HOLIDAY', '端午节', 2025, CURRENT_TIMESTAMP), -- 周一
    (DATE '2025-10-01', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周三
    (DATE '2025-10-02', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周四
    (DATE '2025-10-03', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周五
    (DATE '2025-10-04', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周六
    (DATE '2025-10-05', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周日
    (DATE '2025-10-06', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周一
    (DATE '2025-10-07', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周二
    (DATE '2025-10-08', 'HOLIDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周三
    (DATE '2025-09-28', 'WORKDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP), -- 周日 上班
    (DATE '2025-10-11', 'WORKDAY', '国庆节、中秋节', 2025, CURRENT_TIMESTAMP); -- 周六 上班

-- 2026
INSERT INTO calendar_day (day_date, kind, name, source_year, updated_at) VALUES
    (DATE '2026-01-01', 'HOLIDAY', '元旦', 2026, CURRENT_TIMESTAMP), -- 周四
    (DATE '2026-01-02', 'HOLIDAY', '元旦', 2026, CURRENT_TIMESTAMP), -- 周五
    (DATE '2026-01-03', 'HOLIDAY', '元旦', 2026, CURRENT_TIMESTAMP), -- 周六
    (DATE '2026-01-04', 'WORKDAY', '元旦', 2026, CURRENT_TIMESTAMP), -- 周日 上班
    (DATE '2026-02-15', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周日
    (DATE '2026-02-16', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周一
    (DATE '2026-02-17', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周二
    (DATE '2026-02-18', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周三
    (DATE '2026-02-19', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周四
    (DATE '2026-02-20', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周五
    (DATE '2026-02-21', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周六
    (DATE '2026-02-22', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周日
    (DATE '2026-02-23', 'HOLIDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周一
    (DATE '2026-02-14', 'WORKDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周六 上班
    (DATE '2026-02-28', 'WORKDAY', '春节', 2026, CURRENT_TIMESTAMP), -- 周六 上班
    (DATE '2026-04-04', 'HOLIDAY', '清明节', 2026, CURRENT_TIMESTAMP), -- 周六
    (DATE '2026-04-05', 'HOLIDAY', '清明节', 2026, CURRENT_TIMESTAMP), -- 周日
    (DATE '2026-04-06', 'HOLIDAY', '清明节', 2026, CURRENT_TIMESTAMP), -- 周一
    (DATE '2026-05-01', 'HOLIDAY', '劳动节', 2026, CURRENT_TIMESTAMP), -- 周五
    (DATE '2026-05-02', 'HOLIDAY', '劳动节', 2026, CURRENT_TIMESTAMP), -- 周六
    (DATE '2026-05-03', 'HOLIDAY', '劳动节', 2026, CURRENT_TIMESTAMP), -- 周日
    (DATE '2026-05-04', 'HOLIDAY', '劳动节', 2026, CURRENT_TIMESTAMP), -- 周一
    (DATE '2026-05-05', 'HOLIDAY', '劳动节', 2026, CURRENT_TIMESTAMP), -- 周二
    (DATE '2026-05-09', 'WORKDAY', '劳动节', 2026, CURRENT_TIMESTAMP), -- 周六 上班
    (DATE '2026-06-19', 'HOLIDAY', '端午节', 2026, CURRENT_TIMESTAMP), -- 周五
    (DATE '2026-06-20', 'HOLIDAY', '端午节', 2026, CURRENT_TIMESTAMP), -- 周六
    (DATE '2026-06-21', 'HOLIDAY', '端午节', 2026, CURRENT_TIMESTAMP), -- 周日
    (DATE '2026-09-25', 'HOLIDAY', '中秋节', 2026, CURRENT_TIMESTAMP), -- 周五
    (DATE '2026-09-26', 'HOLIDAY', '中秋节', 2026, CURRENT_TIMESTAMP), -- 周六
    (DATE '2026-09-27', 'HOLIDAY', '中秋节', 2026, CURRENT_TIMESTAMP), -- 周日
    (DATE '2026-10-01', 'HOLIDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周四
    (DATE '2026-10-02', 'HOLIDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周五
    (DATE '2026-10-03', 'HOLIDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周六
    (DATE '2026-10-04', 'HOLIDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周日
    (DATE '2026-10-05', 'HOLIDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周一
    (DATE '2026-10-06', 'HOLIDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周二
    (DATE '2026-10-07', 'HOLIDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周三
    (DATE '2026-09-20', 'WORKDAY', '国庆节', 2026, CURRENT_TIMESTAMP), -- 周日 上班
    (DATE '2026-10-10', 'WORKDAY', '国庆节', 2026, CURRENT_TIMESTAMP); -- 周六 上班
