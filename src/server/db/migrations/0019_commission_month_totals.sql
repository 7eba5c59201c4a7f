CREATE TABLE "commission_month_totals" (
	"agent_unique_id" text NOT NULL,
	"period" text NOT NULL,
	"line_of_business" text NOT NULL,
	"transaction_type" text NOT NULL,
	"total_cents" bigint NOT NULL,
	"lines" integer NOT NULL,
	CONSTRAINT "commission_month_totals_agent_unique_id_period_line_of_business_transaction_type_pk" PRIMARY KEY("agent_unique_id","period","line_of_business","transaction_type")
);
--> statement-breakpoint
-- The totals of the statements already loaded (the feed keeps them from now on).
INSERT INTO "commission_month_totals" ("agent_unique_id", "period", "line_of_business", "transaction_type", "total_cents", "lines") SELECT "agent_unique_id", "period", "line_of_business", "transaction_type", sum("amount_cents"), count(*) FROM "commission_lines" GROUP BY 1, 2, 3, 4;
