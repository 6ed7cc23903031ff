-- Texts longer than 4,000 characters as process variables (issue 7 item 7): an enquiry's text and a
-- Member's reply (up to 20,000 through the API), officers' acknowledgements and responses from
-- Tasklist, a document request's justification. Camunda stores a String variable in TEXT_, created
-- as varchar(4000); widened here to varchar without a length (PostgreSQL: unlimited; H2: its maximum).
-- The product's API and forms bound each text; the database no longer cuts below those bounds.
-- Runs after V5, which created the engine's tables. Portable SQL (SET DATA TYPE): H2 and PostgreSQL.
alter table ACT_RU_VARIABLE alter column TEXT_ set data type varchar;
alter table ACT_HI_VARINST alter column TEXT_ set data type varchar;
alter table ACT_HI_DETAIL alter column TEXT_ set data type varchar;
alter table ACT_HI_DEC_IN alter column TEXT_ set data type varchar;
alter table ACT_HI_DEC_OUT alter column TEXT_ set data type varchar;
