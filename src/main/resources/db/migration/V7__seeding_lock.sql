-- Issue 7 item 12: one row that a starting node locks (select ... for update) while it creates the
-- role groups, authorizations, first administrator and demo users, so that nodes starting together
-- seed one after the other and the second finds everything in place (engine.Seeding).
create table seeding_lock (
  name varchar(64) primary key
);
insert into seeding_lock (name) values ('seeding');
