CREATE TABLE `copilot_golden_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`feedback_id` text NOT NULL,
	`sop_key` text NOT NULL,
	`step_key` text NOT NULL,
	`lang` text NOT NULL,
	`text` text NOT NULL,
	`context` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feedback_id`) REFERENCES `suggestion_feedback`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `copilot_golden_replies_feedback_uq` ON `copilot_golden_replies` (`feedback_id`);--> statement-breakpoint
CREATE INDEX `copilot_golden_replies_tenant_idx` ON `copilot_golden_replies` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `copilot_style_guides` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`guide` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `copilot_suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`message_seq` integer NOT NULL,
	`rank` integer NOT NULL,
	`text` text NOT NULL,
	`lang` text NOT NULL,
	`source` text NOT NULL,
	`source_id` text,
	`provider` text NOT NULL,
	`model` text,
	`prompt` text,
	`sop_key` text,
	`step_key` text,
	`score` real,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `copilot_suggestions_tenant_created_idx` ON `copilot_suggestions` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `copilot_suggestions_conversation_idx` ON `copilot_suggestions` (`conversation_id`,`message_seq`);--> statement-breakpoint
CREATE TABLE `suggestion_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`suggestion_id` text NOT NULL,
	`source` text NOT NULL,
	`source_id` text,
	`provider` text NOT NULL,
	`prompt` text,
	`sop_key` text,
	`action` text NOT NULL,
	`edit_distance` real,
	`dismiss_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggestion_id`) REFERENCES `copilot_suggestions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_feedback_suggestion_uq` ON `suggestion_feedback` (`suggestion_id`);--> statement-breakpoint
CREATE INDEX `suggestion_feedback_tenant_created_idx` ON `suggestion_feedback` (`tenant_id`,`created_at`);