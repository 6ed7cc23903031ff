-- Issue 11: the engine's history level becomes engine.CaseHistoryLevel ("case-audit", id 32) instead of
-- "full" (3). The engine refuses to start when the level it is configured with differs from the one stored
-- here, so a database written at "full" is moved with the configuration. On an empty database the row does
-- not exist yet (the engine writes it on its first start): nothing to do.
update ACT_GE_PROPERTY set VALUE_ = '32' where NAME_ = 'historyLevel' and VALUE_ = '3';
