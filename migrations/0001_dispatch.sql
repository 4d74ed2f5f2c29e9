CREATE TABLE `agent_presence` (
	`user_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`status` text NOT NULL,
	`chosen` text NOT NULL,
	`last_heartbeat_at` integer NOT NULL,
	`since` integer NOT NULL,
	`reason` text DEFAULT 'agent' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agent_presence_tenant_idx` ON `agent_presence` (`tenant_id`,`status`);--> statement-breakpoint
CREATE TABLE `agent_shift_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`skill_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`interval_start` integer NOT NULL,
	`interval_end` integer NOT NULL,
	`created_at` integer NOT NULL,
	`responded_at` integer,
	`released_at` integer,
	`release_reason` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shift_offers_tenant_status_idx` ON `agent_shift_offers` (`tenant_id`,`status`);--> statement-breakpoint
CREATE INDEX `shift_offers_user_idx` ON `agent_shift_offers` (`user_id`,`status`);--> statement-breakpoint
CREATE TABLE `dispatch_policies` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`policy` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `required_level` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `triage` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `offered_to` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `conversations` ADD `offer_expires_at` integer;--> statement-breakpoint
CREATE INDEX `conversations_offered_idx` ON `conversations` (`offered_to`);--> statement-breakpoint
CREATE INDEX `conversations_tenant_created_idx` ON `conversations` (`tenant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `recipient_id` text;