/**
 * The ticket's audit history as a disclosure. Loads nothing until opened: neither the audits nor
 * the code that shows them (AuditList is a separate chunk, fetched when the agent points at or
 * focuses the button, or opens it).
 */
import { useState } from "preact/hooks";
import { useT } from "../../platform/context";
import type { AuditsModel } from "./createAuditsModel";
import { Button } from "../../ui/Button";
import { lazyComponent } from "../../ui/lazyComponent";

const AuditList = lazyComponent(
	() => import("./AuditList"),
	module => module.AuditList,
);

/** A disclosure that loads the history the first time it is opened. */
export function AuditHistory({ model }: { model: AuditsModel }) {
	const t = useT();
	const [open, setOpen] = useState(false);
	const toggle = () => {
		setOpen(!open);
		if (!open) void model.open();
	};
	return (
		<div class="zd-audits">
			<Button
				variant="basic"
				aria-expanded={open}
				onClick={toggle}
				onPointerEnter={AuditList.preload}
				onFocus={AuditList.preload}
			>
				{open ? t("audits.hide") : t("audits.show")}
			</Button>
			{open ? <AuditList model={model} /> : null}
		</div>
	);
}
