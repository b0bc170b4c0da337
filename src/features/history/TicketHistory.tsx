/**
 * The audit history as a disclosure: loads nothing until opened (TicketAudits is a chunk, fetched
 * on pointing at or focusing the button), then stays mounted while hidden, kept current.
 */
import { useState } from "preact/hooks";
import { useT } from "../../platform/context";
import { Button } from "../../ui/Button";
import { lazyComponent } from "../../ui/lazyComponent";

const TicketAudits = lazyComponent(
	() => import("./TicketAudits"),
	module => module.TicketAudits,
);

/** The history disclosure for the ticket of the surrounding `<TicketProvider>`. */
export function TicketHistory() {
	const t = useT();
	const [open, setOpen] = useState(false);
	const [opened, setOpened] = useState(false);
	return (
		<div class="zd-audits">
			<Button
				variant="basic"
				aria-expanded={open}
				onClick={() => {
					setOpen(!open);
					setOpened(true);
				}}
				onPointerEnter={TicketAudits.preload}
				onFocus={TicketAudits.preload}
			>
				{open ? t("audits.hide") : t("audits.show")}
			</Button>
			{opened ? (
				<div hidden={!open}>
					<TicketAudits />
				</div>
			) : null}
		</div>
	);
}
