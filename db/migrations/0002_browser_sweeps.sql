ALTER TABLE "sweeps" DROP CONSTRAINT "sweeps_mode_check";--> statement-breakpoint
ALTER TABLE "sweeps" ADD CONSTRAINT "sweeps_mode_check" CHECK ("sweeps"."mode" in ('local', 'queue', 'browser'));