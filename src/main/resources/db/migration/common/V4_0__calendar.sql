-- calendar: statutory holidays and make-up working days (调休) per State Council notice, and working hours.
-- A year listed in calendar_year has its notice loaded; any other year falls back to the statutory holiday dates
-- (《全国年节及纪念日放假办法》) computed by the application, with explicit calendar_day rows applied on top.
CREATE TABLE calendar_year (
    year_number  INT          NOT NULL PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    reference    VARCHAR(300),
    confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE calendar_day (
    day_date    DATE        NOT NULL PRIMARY KEY,
    kind        VARCHAR(16) NOT NULL,
    name        VARCHAR(40) NOT NULL,
    source_year INT         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_day_kind_ck CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);
CREATE INDEX calendar_day_source_year_idx ON calendar_day (source_year);

-- one row (id = 1); version grows with every calendar edit so that other nodes drop their cached tables
CREATE TABLE calendar_settings (
    id         INT       NOT NULL PRIMARY KEY,
    work_start TIME      NOT NULL,
    work_end   TIME      NOT NULL,
    version    BIGINT    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_settings_single_ck CHECK (id = 1),
    CONSTRAINT calendar_settings_hours_ck CHECK (work_start < work_end)
);
INSERT INTO calendar_settings (id, work_start, work_end, version, updated_at)
VALUES (1, TIME '09:00:00', TIME '18:00:00', 0, CURRENT_TIMESTAMP);
