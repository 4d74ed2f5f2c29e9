CREATE TABLE `eval_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`suite` text NOT NULL,
	`provider` text NOT NULL,
	`cases_source` text DEFAULT 'authored' NOT NULL,
	`status` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`progress_detail` text,
	`started_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`heartbeat_at` integer NOT NULL,
	`answered_by` text,
	`cases` integer,
	`headline` text,
	`result` text,
	`report_html` text,
	`error` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_runs_one_active_uq` ON `eval_runs` (`tenant_id`) WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX `eval_runs_tenant_suite_idx` ON `eval_runs` (`tenant_id`,`suite`,`created_at`);--> statement-breakpoint
CREATE TABLE `golden_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`suite` text NOT NULL,
	`case_id` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`case` text NOT NULL,
	`source_conversation_id` text,
	`source_message_seq` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `golden_cases_version_uq` ON `golden_cases` (`tenant_id`,`suite`,`case_id`,`version`);--> statement-breakpoint
CREATE INDEX `golden_cases_tenant_suite_idx` ON `golden_cases` (`tenant_id`,`suite`,`created_at`);