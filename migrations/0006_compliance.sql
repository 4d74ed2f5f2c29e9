CREATE TABLE `compliance_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`text_hash` text NOT NULL,
	`findings` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`approved_by` text,
	`approved_at` integer,
	`expires_at` integer,
	`used_by` text,
	`used_at` integer,
	`used_client_message_id` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `compliance_overrides_conv_idx` ON `compliance_overrides` (`conversation_id`,`status`);--> statement-breakpoint
CREATE TABLE `compliance_risk` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`score` real NOT NULL,
	`level` text NOT NULL,
	`reasons` text NOT NULL,
	`messages` integer DEFAULT 0 NOT NULL,
	`alerted_level` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `compliance_risk_tenant_idx` ON `compliance_risk` (`tenant_id`,`score`);--> statement-breakpoint
CREATE TABLE `compliance_risk_signals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`client_message_id` text NOT NULL,
	`role` text NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compliance_risk_signals_msg_uq` ON `compliance_risk_signals` (`conversation_id`,`client_message_id`);--> statement-breakpoint
CREATE TABLE `compliance_rule_packs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`version` integer NOT NULL,
	`pack` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`active` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compliance_rule_packs_version_uq` ON `compliance_rule_packs` (`tenant_id`,`version`);--> statement-breakpoint
CREATE INDEX `compliance_rule_packs_active_idx` ON `compliance_rule_packs` (`tenant_id`,`active`);