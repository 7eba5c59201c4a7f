CREATE TABLE "session_states" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	CONSTRAINT "session_states_state_known" CHECK ("session_states"."state" in ('IL', 'MT', 'NM', 'OK', 'TX'))
);
--> statement-breakpoint
ALTER TABLE "session_states" ADD CONSTRAINT "session_states_token_hash_sessions_token_hash_fk" FOREIGN KEY ("token_hash") REFERENCES "public"."sessions"("token_hash") ON DELETE cascade ON UPDATE no action;