-- Money in more than one currency: Odoo's rates are data. Every posting records the company currency, the amount Odoo
-- booked in it (read back from the move's lines) and the rate between them; the rates finance used (Odoo's rate of a
-- day, checked before posting or converting) are kept, so a conversion is explained later even if Odoo's rates change.
alter table posting
    add column company_currency char(3),
    add column company_amount   numeric(19,4),
    add column exchange_rate    numeric(19,10);

create table exchange_rate (
    id               uuid primary key,
    currency         char(3)        not null,
    company_currency char(3)        not null,
    -- The day a rate was asked for, and the date of the Odoo rate that applies (on or before it).
    on_day           date           not null,
    rate_date        date           not null,
    -- Units of currency for one unit of the company currency, as Odoo's res.currency.rate has it.
    rate             numeric(19,10) not null,
    source           varchar(20)    not null,
    used_at          timestamptz    not null,
    unique (currency, company_currency, on_day, rate)
);
