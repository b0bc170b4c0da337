/**
 * The open ticket's audit history as a disclosure. Loads nothing until opened: neither the audits
 * nor the code that reads and shows them (TicketAudits is a chunk of its own, fetched when the
 * agent points at or focuses the button, or opens it). Once opened it stays mounted while hidden,
 * so opening it again shows the same history, kept current.
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
