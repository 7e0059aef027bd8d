CREATE TABLE "sweep_claims" (
	"sweep_id" text NOT NULL,
	"run_key" text NOT NULL,
	"worker" text NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sweep_claims_sweep_id_run_key_pk" PRIMARY KEY("sweep_id","run_key")
);
--> statement-breakpoint
CREATE TABLE "sweep_runs" (
	"sweep_id" text NOT NULL,
	"run_key" text NOT NULL,
	"position" integer NOT NULL,
	"scenario_label" text NOT NULL,
	"policy_label" text NOT NULL,
	"params" jsonb NOT NULL,
	"seed" bigint NOT NULL,
	"options" jsonb NOT NULL,
	"status" text NOT NULL,
	"metrics" jsonb NOT NULL,
	"artifact" text,
	"error" jsonb,
	"worker" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"elapsed_ms" double precision NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sweep_runs_sweep_id_run_key_pk" PRIMARY KEY("sweep_id","run_key"),
	CONSTRAINT "sweep_runs_position_uq" UNIQUE("sweep_id","position"),
	CONSTRAINT "sweep_runs_status_check" CHECK ("sweep_runs"."status" in ('done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "sweeps" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"engine" text NOT NULL,
	"engine_version" text NOT NULL,
	"spec" jsonb NOT NULL,
	"mode" text NOT NULL,
	"total" integer NOT NULL,
	"local_workers" integer,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sweeps_mode_check" CHECK ("sweeps"."mode" in ('local', 'queue'))
);
--> statement-breakpoint
ALTER TABLE "sweep_claims" ADD CONSTRAINT "sweep_claims_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."sweeps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweep_runs" ADD CONSTRAINT "sweep_runs_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."sweeps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sweeps_created_at_idx" ON "sweeps" USING btree ("created_at" DESC NULLS LAST,"id");