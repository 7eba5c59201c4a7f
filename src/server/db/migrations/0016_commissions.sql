CREATE TABLE "commission_access" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"granted_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_lines" (
	"agent_unique_id" text NOT NULL,
	"period" text NOT NULL,
	"line_number" integer NOT NULL,
	"account_number" text NOT NULL,
	"group_number" text,
	"account_name" text NOT NULL,
	"original_effective_date" date,
	"producer_effective_date" date,
	"cancel_date" date,
	"product_name" text NOT NULL,
	"line_of_business" text NOT NULL,
	"funding_type" text,
	"calculation_method" text NOT NULL,
	"contracts" integer,
	"premium_basis_cents" bigint,
	"rate" numeric(12, 4),
	"split_percent" numeric(7, 4) DEFAULT '100' NOT NULL,
	"transaction_type" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commission_lines_agent_unique_id_period_line_number_pk" PRIMARY KEY("agent_unique_id","period","line_number"),
	CONSTRAINT "commission_lines_period_format" CHECK ("commission_lines"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "commission_lines_line_known" CHECK ("commission_lines"."line_of_business" in ('major-medical', 'medicare-supplement', 'medicare-advantage', 'prescription-drug', 'dental', 'vision', 'group-medical', 'group-dental', 'group-life')),
	CONSTRAINT "commission_lines_funding_known" CHECK ("commission_lines"."funding_type" is null or "commission_lines"."funding_type" in ('fully-insured', 'level-funded', 'self-funded')),
	CONSTRAINT "commission_lines_method_known" CHECK ("commission_lines"."calculation_method" in ('percent-of-premium', 'per-contract', 'flat')),
	CONSTRAINT "commission_lines_type_known" CHECK ("commission_lines"."transaction_type" in ('new', 'renewal', 'adjustment', 'chargeback')),
	CONSTRAINT "commission_lines_split_range" CHECK ("commission_lines"."split_percent" > 0 and "commission_lines"."split_percent" <= 100)
);
--> statement-breakpoint
CREATE TABLE "commission_schedules" (
	"line_of_business" text NOT NULL,
	"state" text NOT NULL,
	"business_type" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"rate_percent" numeric(7, 4) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commission_schedules_line_of_business_state_business_type_effective_from_pk" PRIMARY KEY("line_of_business","state","business_type","effective_from"),
	CONSTRAINT "commission_schedules_line_known" CHECK ("commission_schedules"."line_of_business" in ('major-medical', 'medicare-supplement', 'medicare-advantage', 'prescription-drug', 'dental', 'vision', 'group-medical', 'group-dental', 'group-life')),
	CONSTRAINT "commission_schedules_state_known" CHECK ("commission_schedules"."state" in ('AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY')),
	CONSTRAINT "commission_schedules_type_known" CHECK ("commission_schedules"."business_type" in ('new', 'renewal')),
	CONSTRAINT "commission_schedules_period_order" CHECK ("commission_schedules"."effective_to" is null or "commission_schedules"."effective_to" >= "commission_schedules"."effective_from"),
	CONSTRAINT "commission_schedules_rate_range" CHECK ("commission_schedules"."rate_percent" >= 0 and "commission_schedules"."rate_percent" <= 100)
);
--> statement-breakpoint
ALTER TABLE "commission_access" ADD CONSTRAINT "commission_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_access" ADD CONSTRAINT "commission_access_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_agent_unique_id_producers_agent_unique_id_fk" FOREIGN KEY ("agent_unique_id") REFERENCES "public"."producers"("agent_unique_id") ON DELETE no action ON UPDATE no action;