package io.tradekit.sample.nft.inventory.application;

import io.tradekit.sample.nft.inventory.domain.CacheChange;
import io.tradekit.sample.nft.inventory.domain.CacheRecord;
import io.tradekit.sample.nft.inventory.domain.FlowType;
import io.tradekit.sample.nft.inventory.domain.InventoryFlow;
import io.tradekit.sample.nft.inventory.domain.InventoryRepository;
import io.tradekit.sample.nft.inventory.domain.StockCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Compares a sale's Redis stock and operation records with its DB flows and repairs the drift, each kind
 * from its source of truth ({@link RepairKind}); in {@link ReconcileMode#REPORT} it only plans. One pass:
 * missing records first (they move the stock), then strays, then the stock value from a fresh read. A DB
 * flow and its Redis record that disagree ({@link RepairKind#FLOW_MISMATCH}) are a conflict in both modes.
 *
 * <p>Not thread-safe across instances by itself: callers run it under the {@code stock-repair} lock
 * (the job package), so one repairer works at a time in the cluster. Every repair is idempotent or a
 * compare-and-set anyway, so a pass racing a buy changes nothing it should not: a deduction between the
 * stock read and the compare-and-set makes the set fail (RACED) and the next pass looks again.
 */
@Service
@EnableConfigurationProperties(ReconcileProperties.class)
public class StockReconciler {

    private final InventoryRepository inventory;
    private final StockCache cache;
    private final ReconcileProperties properties;
    private final RepairAudit listener;

    StockReconciler(InventoryRepository inventory, StockCache cache, ReconcileProperties properties,
                    RepairAudit listener) {
        this.inventory = inventory;
        this.cache = cache;
        this.properties = properties;
        this.listener = listener;
    }

    /** One pass over one sale in {@code mode}. */
    public Drift reconcile(long collectionId, ReconcileMode mode) {
        Snapshot first = Snapshot.read(collectionId, cache, inventory);
        List<Repair> repairs = new ArrayList<>();
        boolean changed = false;
        boolean blocked = false;
        List<Long> flowsWithoutRecord = new ArrayList<>();
        for (InventoryFlow flow : first.flows) {
            boolean deduction = flow.type() == FlowType.DEDUCT;
            CacheRecord record = first.record(deduction, flow.identifier());
            if (record != null) {
                if (record.quantity() != flow.quantity()) {
                    // Both sides exist and disagree: neither is shown right, so nothing is overwritten.
                    blocked = true;
                    repairs.add(report(mode, mismatch(first, flow, record)));
                }
                continue;
            }
            if (deduction) {
                flowsWithoutRecord.add(flow.orderId());
            }
            Repair repair = replay(mode, first, flow, deduction);
            changed |= repair.outcome() == Repair.Outcome.APPLIED;
            blocked |= repair.outcome() == Repair.Outcome.CONFLICT || repair.outcome() == Repair.Outcome.MANUAL;
            repairs.add(report(mode, repair));
        }
        long now = cache.serverTimeMillis();
        long strayAfter = properties.getStrayAfter().toMillis();
        int inFlight = 0;
        for (CacheRecord held : first.held()) {
            if (first.dbDeducted.contains(held.identifier())) {
                continue;
            }
            if (now - held.timestamp() < strayAfter) {
                inFlight++;
                continue;
            }
            Repair repair = giveBack(mode, first, held);
            changed |= repair.outcome() == Repair.Outcome.APPLIED;
            repairs.add(report(mode, repair));
        }
        // The stock only from a state the replays no longer change, and never past a refused replay: a
        // conflict is a unit sold twice, which a person settles before the stock is made to agree.
        if (!blocked) {
            Snapshot current = changed ? Snapshot.read(collectionId, cache, inventory) : first;
            long expected = current.total - current.heldUnits();
            if (current.redisStock >= 0 && current.redisStock != expected) {
                repairs.add(report(mode, setStock(mode, current, expected)));
            }
        }
        return new Drift(collectionId, first.redisStock, inventory.stock(collectionId).orElse(-1),
                List.copyOf(flowsWithoutRecord), inFlight, List.copyOf(repairs));
    }

    private Repair replay(ReconcileMode mode, Snapshot s, InventoryFlow flow, boolean deduction) {
        RepairKind kind = deduction ? RepairKind.MISSING_DEDUCTION : RepairKind.MISSING_INCREASE;
        String reason = "DB " + flow.type().name().toLowerCase() + " flow without its Redis record";
        if (mode == ReconcileMode.REPORT) {
            long after = s.redisStock + (deduction ? -flow.quantity() : flow.quantity());
            return repair(kind, flow, s.redisStock, after, Repair.Outcome.PLANNED, reason);
        }
        if (flow.buyerId() == 0) {
            return repair(kind, flow, s.redisStock, s.redisStock, Repair.Outcome.MANUAL, reason + "; buyer unknown");
        }
        CacheChange change = deduction
                ? cache.replayDeduct(flow.collectionId(), flow.buyerId(), flow.identifier(), flow.quantity())
                : cache.replayIncrease(flow.collectionId(), flow.buyerId(), flow.identifier(), flow.quantity());
        return switch (change.outcome()) {
            case APPLIED -> repair(kind, flow, change.before(), change.after(), Repair.Outcome.APPLIED, reason);
            case ALREADY_APPLIED -> repair(kind, flow, change.before(), change.after(), Repair.Outcome.ALREADY_APPLIED,
                    reason + "; written meanwhile");
            case REFUSED -> repair(kind, flow, s.redisStock, s.redisStock, Repair.Outcome.CONFLICT,
                    reason + "; Redis refused it (its unit was sold again)");
        };
    }

    /** The same in both modes: there is no repair to plan, only a conflict for a person to settle. */
    private static Repair mismatch(Snapshot s, InventoryFlow flow, CacheRecord record) {
        String reason = "DB " + flow.type().name().toLowerCase() + " flow of " + flow.quantity()
                + " unit(s), its Redis record of " + record.quantity() + "; neither is overwritten";
        return repair(RepairKind.FLOW_MISMATCH, flow, s.redisStock, s.redisStock, Repair.Outcome.CONFLICT, reason);
    }

    private Repair giveBack(ReconcileMode mode, Snapshot s, CacheRecord held) {
        String reason = "Redis deduction without a DB flow, older than " + properties.getStrayAfter();
        if (mode == ReconcileMode.REPORT) {
            return new Repair(RepairKind.STRAY_DEDUCTION, s.collectionId, 0, held.identifier(), held.quantity(),
                    s.redisStock, s.redisStock + held.quantity(), Repair.Outcome.PLANNED, reason);
        }
        CacheChange change = cache.replayIncrease(s.collectionId, held.buyerId(), held.identifier(), held.quantity());
        Repair.Outcome outcome = switch (change.outcome()) {
            case APPLIED -> Repair.Outcome.APPLIED;
            case ALREADY_APPLIED -> Repair.Outcome.ALREADY_APPLIED;
            case REFUSED -> Repair.Outcome.MANUAL;
        };
        return new Repair(RepairKind.STRAY_DEDUCTION, s.collectionId, 0, held.identifier(), held.quantity(),
                change.before(), change.after(), outcome, reason);
    }

    private Repair setStock(ReconcileMode mode, Snapshot s, long expected) {
        String reason = "Redis stock is not the total " + s.total + " minus the " + s.heldUnits() + " units its records hold";
        Repair.Outcome outcome = mode == ReconcileMode.REPORT ? Repair.Outcome.PLANNED
                : cache.compareAndSetStock(s.collectionId, s.redisStock, expected) ? Repair.Outcome.APPLIED
                : Repair.Outcome.RACED;
        return new Repair(RepairKind.STOCK_VALUE, s.collectionId, 0, null, 0, s.redisStock, expected, outcome, reason);
    }

    private static Repair repair(RepairKind kind, InventoryFlow flow, long before, long after, Repair.Outcome outcome,
                                 String reason) {
        return new Repair(kind, flow.collectionId(), flow.orderId(), flow.identifier(), flow.quantity(), before, after,
                outcome, reason);
    }

    private Repair report(ReconcileMode mode, Repair repair) {
        listener.repaired(mode, repair);
        return repair;
    }

    /**
     * Redis stock, then Redis records, then DB flows: a deduction after the stock read shows as a changed
     * stock at the compare-and-set, and a DB flow is never written before its Redis record.
     */
    private static final class Snapshot {
        final long collectionId;
        final long redisStock;
        final List<CacheRecord> records;
        final List<InventoryFlow> flows;
        final long total;
        final Map<String, CacheRecord> deducted = new HashMap<>();
        final Map<String, CacheRecord> increased = new HashMap<>();
        final Set<String> dbDeducted = new HashSet<>();

        private Snapshot(long collectionId, long redisStock, List<CacheRecord> records, List<InventoryFlow> flows,
                         long total) {
            this.collectionId = collectionId;
            this.redisStock = redisStock;
            this.records = records;
            this.flows = flows;
            this.total = total;
            for (CacheRecord r : records) {
                (r.deduction() ? deducted : increased).put(r.identifier(), r);
            }
            flows.stream().filter(f -> f.type() == FlowType.DEDUCT).forEach(f -> dbDeducted.add(f.identifier()));
        }

        static Snapshot read(long collectionId, StockCache cache, InventoryRepository inventory) {
            long redisStock = cache.stock(collectionId).orElse(-1);
            List<CacheRecord> records = cache.records(collectionId);
            List<InventoryFlow> flows = inventory.flows(collectionId);
            long total = inventory.total(collectionId).orElse(0);
            return new Snapshot(collectionId, redisStock, records, flows, total);
        }

        /** The Redis record of an order's operation, or null. */
        CacheRecord record(boolean deduction, String identifier) {
            return (deduction ? deducted : increased).get(identifier);
        }

        /** Deductions not given back: the units the records say are taken. */
        List<CacheRecord> held() {
            return records.stream().filter(r -> r.deduction() && !increased.containsKey(r.identifier())).toList();
        }

        long heldUnits() {
            return held().stream().mapToLong(CacheRecord::quantity).sum();
        }
    }
}
