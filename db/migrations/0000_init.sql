CREATE TABLE "experiments" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"engine" text NOT NULL,
	"engine_version" text NOT NULL,
	"run_count" integer NOT NULL,
	"snapshot_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"builtin_id" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_builtin_or_source" CHECK ("policies"."builtin_id" is not null or "policies"."source" is not null)
);
--> statement-breakpoint
CREATE TABLE "run_artifacts" (
	"run_id" text NOT NULL,
	"kind" text NOT NULL,
	"data" text NOT NULL,
	CONSTRAINT "run_artifacts_run_id_kind_pk" PRIMARY KEY("run_id","kind"),
	CONSTRAINT "run_artifacts_kind_check" CHECK ("run_artifacts"."kind" in ('timeline'))
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" text PRIMARY KEY NOT NULL,
	"experiment_id" text NOT NULL,
	"position" integer NOT NULL,
	"engine" text NOT NULL,
	"engine_version" text NOT NULL,
	"scenario_id" text NOT NULL,
	"scenario_label" text NOT NULL,
	"policy_id" text NOT NULL,
	"params" jsonb NOT NULL,
	"seed" bigint NOT NULL,
	"scheme" text NOT NULL,
	"options" jsonb,
	"status" text NOT NULL,
	"metrics" jsonb NOT NULL,
	"timings" jsonb NOT NULL,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "runs_experiment_position_uq" UNIQUE("experiment_id","position"),
	CONSTRAINT "runs_status_check" CHECK ("runs"."status" in ('done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"instance" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "run_artifacts" ADD CONSTRAINT "run_artifacts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiments_created_at_idx" ON "experiments" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "runs_scenario_idx" ON "runs" USING btree ("scenario_id");--> statement-breakpoint
CREATE INDEX "runs_policy_idx" ON "runs" USING btree ("policy_id");