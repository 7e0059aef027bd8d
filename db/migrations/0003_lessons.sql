CREATE TABLE "challenge_closures" (
	"lesson_id" text PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"lesson_id" text NOT NULL,
	"display_name" text NOT NULL,
	"policy" jsonb NOT NULL,
	"status" text NOT NULL,
	"score" double precision,
	"metrics" jsonb NOT NULL,
	"error" jsonb,
	"claimed" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_submissions_status_check" CHECK ("challenge_submissions"."status" in ('done', 'failed')),
	CONSTRAINT "challenge_submissions_score_check" CHECK (("challenge_submissions"."status" = 'done') = ("challenge_submissions"."score" is not null))
);
--> statement-breakpoint
CREATE TABLE "lesson_teacher_keys" (
	"lesson_id" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_teacher_keys_lesson_id_key_hash_pk" PRIMARY KEY("lesson_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "lessons" (
	"id" text PRIMARY KEY NOT NULL,
	"engine" text NOT NULL,
	"title" text NOT NULL,
	"spec" jsonb NOT NULL,
	"spec_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_closures" ADD CONSTRAINT "challenge_closures_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_teacher_keys" ADD CONSTRAINT "lesson_teacher_keys_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_submissions_lesson_score_idx" ON "challenge_submissions" USING btree ("lesson_id","score");--> statement-breakpoint
CREATE INDEX "lessons_created_at_idx" ON "lessons" USING btree ("created_at" DESC NULLS LAST,"id");