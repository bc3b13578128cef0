.read sql/workload.sql
DROP TABLE item; DROP TABLE grp;
.read sql/workload.sql
DROP TABLE item; DROP TABLE grp;
.read sql/workload.sql
DROP TABLE item; DROP TABLE grp;
.read sql/workload.sql
DROP TABLE item; DROP TABLE grp;
.read sql/workload.sql
DROP TABLE item; DROP TABLE grp;
.read sql/workload.sql
DROP TABLE item; DROP TABLE grp;
