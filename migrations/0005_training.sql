CREATE TABLE `scenario_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`card_id` text NOT NULL,
	`version` integer NOT NULL,
	`skill` text NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`card` text NOT NULL,
	`source` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenario_cards_version_uq` ON `scenario_cards` (`tenant_id`,`card_id`,`version`);--> statement-breakpoint
CREATE INDEX `scenario_cards_active_idx` ON `scenario_cards` (`tenant_id`,`active`,`skill`);--> statement-breakpoint
CREATE TABLE `training_requirements` (
	`tenant_id` text NOT NULL,
	`skill_id` text NOT NULL,
	`scenarios_required` integer NOT NULL,
	`min_score` integer NOT NULL,
	`level_granted` integer NOT NULL,
	`validity_days` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`tenant_id`, `skill_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`trainee_id` text NOT NULL,
	`kind` text NOT NULL,
	`examiner_id` text,
	`card_id` text NOT NULL,
	`card_version` integer NOT NULL,
	`skill` text NOT NULL,
	`seed` integer NOT NULL,
	`state` text NOT NULL,
	`transcript` text NOT NULL,
	`coaching` text NOT NULL,
	`turns` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`end_reason` text,
	`verdict` text,
	`persona_verdict` text,
	`score` real,
	`passed` integer,
	`live_result` text,
	`live_note` text,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`examiner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_sessions_trainee_idx` ON `training_sessions` (`tenant_id`,`trainee_id`,`status`);--> statement-breakpoint
CREATE INDEX `training_sessions_card_idx` ON `training_sessions` (`tenant_id`,`card_id`);