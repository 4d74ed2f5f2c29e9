CREATE TABLE `interview_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`question_id` text NOT NULL,
	`mode` text NOT NULL,
	`written_text` text,
	`duration_ms` integer,
	`submitted_at` integer,
	`transcript_status` text DEFAULT 'none' NOT NULL,
	`transcript_attempts` integer DEFAULT 0 NOT NULL,
	`transcript_next_at` integer,
	`transcript_error` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `interview_candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `interview_questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_answers_question_uq` ON `interview_answers` (`candidate_id`,`question_id`);--> statement-breakpoint
CREATE INDEX `interview_answers_transcript_idx` ON `interview_answers` (`transcript_status`,`transcript_next_at`);--> statement-breakpoint
CREATE TABLE `interview_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`language` text NOT NULL,
	`typing_lang` text NOT NULL,
	`typing_passage` text NOT NULL,
	`typing_seconds` integer DEFAULT 120 NOT NULL,
	`thresholds` text NOT NULL,
	`media_mode` text NOT NULL,
	`group_field` text,
	`invite_token` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interview_campaigns_tenant_idx` ON `interview_campaigns` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `interview_campaigns_invite_uq` ON `interview_campaigns` (`invite_token`);--> statement-breakpoint
CREATE TABLE `interview_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`group_value` text,
	`token` text NOT NULL,
	`status` text DEFAULT 'invited' NOT NULL,
	`consented_at` integer,
	`withdrawn_at` integer,
	`submitted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `interview_campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_candidates_token_uq` ON `interview_candidates` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `interview_candidates_email_uq` ON `interview_candidates` (`campaign_id`,`email`);--> statement-breakpoint
CREATE INDEX `interview_candidates_campaign_idx` ON `interview_candidates` (`campaign_id`,`status`);--> statement-breakpoint
CREATE TABLE `interview_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_by_name` text NOT NULL,
	`recommendation` text,
	`score100` real,
	`overrides_recommendation` integer NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `interview_campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `interview_candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interview_decisions_candidate_idx` ON `interview_decisions` (`candidate_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `interview_decisions_campaign_idx` ON `interview_decisions` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `interview_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`position` integer NOT NULL,
	`prompt` text NOT NULL,
	`time_limit_seconds` integer NOT NULL,
	`reference` text,
	`rubric` text NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `interview_campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interview_questions_campaign_idx` ON `interview_questions` (`campaign_id`,`position`);--> statement-breakpoint
CREATE TABLE `interview_recording_chunks` (
	`recording_id` text NOT NULL,
	`idx` integer NOT NULL,
	`size` integer NOT NULL,
	`digest` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`recording_id`, `idx`),
	FOREIGN KEY (`recording_id`) REFERENCES `interview_recordings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `interview_recordings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`answer_id` text NOT NULL,
	`kind` text NOT NULL,
	`mime_type` text NOT NULL,
	`total_chunks` integer,
	`bytes` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'uploading' NOT NULL,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `interview_candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answer_id`) REFERENCES `interview_answers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_recordings_answer_uq` ON `interview_recordings` (`answer_id`);--> statement-breakpoint
CREATE INDEX `interview_recordings_candidate_idx` ON `interview_recordings` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `interview_scorecards` (
	`candidate_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`score100` real NOT NULL,
	`recommendation` text NOT NULL,
	`flags` text NOT NULL,
	`card` text NOT NULL,
	`input_digest` text NOT NULL,
	`scored_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `interview_candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `interview_campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interview_scorecards_campaign_idx` ON `interview_scorecards` (`campaign_id`,`score100`);--> statement-breakpoint
CREATE TABLE `interview_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`thresholds` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `interview_transcripts` (
	`answer_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`text` text NOT NULL,
	`provider` text NOT NULL,
	`model` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`answer_id`) REFERENCES `interview_answers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `interview_typing_batches` (
	`candidate_id` text NOT NULL,
	`seq` integer NOT NULL,
	`events` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `seq`),
	FOREIGN KEY (`candidate_id`) REFERENCES `interview_candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `interview_typing_tests` (
	`candidate_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`final_text` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`result` text NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `interview_candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
