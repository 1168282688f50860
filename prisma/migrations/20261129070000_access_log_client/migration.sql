-- Who called: the client address and User-Agent of every data export and API call (refused ones included).
-- AlterTable
ALTER TABLE "DataAccessLog" ADD COLUMN "clientIp" TEXT;
ALTER TABLE "DataAccessLog" ADD COLUMN "userAgent" TEXT;
