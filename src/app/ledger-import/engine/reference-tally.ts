/**
 * The references of a first import, tallied while its lines are written to the stage: whether
 * every customer, order and invoice a line names is in the import, the order or invoice of
 * the same customer. It answers what markReferences would find for an import with no line
 * refused and no stored facts, without the index of the stage and the query that took 2 s of
 * 1.3 million lines. Most references point back to a line already seen (a customer, then its
 * orders, then their invoices and payments) and are settled at once; only those that point
 * forward wait for the end.
 */

/**
 * Ids a tally may hold (customers, orders, invoices, references waiting): about 90 MB, the ids
 * of a first import of some two million facts. Past it the tally lets go of them and the import
 * goes the general way, so that memory stays bounded whatever the size of the file.
 */
export const TALLY_MAX_IDS = 1_000_000;

export class ReferenceTally {
  /** Ids held. */
  private held = 0;
  private overflow = false;

  constructor(private readonly maxIds = TALLY_MAX_IDS) {}

  private readonly customers = new Set<string>();
  /** Orders and invoices of the import → their customer (null for none). */
  private readonly owners = {
    order: new Map<string, string | null>(),
    invoice: new Map<string, string | null>(),
  };
  /** References not settled yet: customers, then orders and invoices with the line's customer. */
  private readonly wantedCustomers = new Set<string>();
  private readonly wanted = {
    order: new Map<string, Set<string | null>>(),
    invoice: new Map<string, Set<string | null>>(),
  };

  /** One staged line (lines refused while reading are not tallied: such an import goes the general way). */
  line(
    type: string,
    id: string,
    customer: string | null,
    refOrder: string | null,
    refInvoice: string | null,
  ): void {
    if (this.overflow) return;
    if (type === "customer") {
      if (!this.customers.has(id)) {
        this.customers.add(own(id));
        this.held++;
      }
    } else if (type === "order" || type === "invoice") {
      if (!this.owners[type].has(id)) {
        this.owners[type].set(own(id), customer === null ? null : own(customer));
        this.held++;
      }
    }
    // Lines of one customer, and of one order, mostly follow each other: the last reference
    // found needs no second look (a string comparison costs less than a lookup).
    if (customer !== null && type !== "customer" && customer !== this.lastCustomer) {
      if (this.customers.has(customer)) this.lastCustomer = customer;
      else if (!this.wantedCustomers.has(customer)) {
        this.wantedCustomers.add(own(customer));
        this.held++;
      }
    }
    if (
      refOrder !== null &&
      !(refOrder === this.lastOrder && customer === this.lastOrderCustomer)
    ) {
      if (this.want("order", refOrder, customer)) {
        this.lastOrder = refOrder;
        this.lastOrderCustomer = customer;
      }
    }
    if (refInvoice !== null) this.want("invoice", refInvoice, customer);
    if (this.held > this.maxIds) this.letGo();
  }

  private lastCustomer: string | null = null;
  private lastOrder: string | null = null;
  private lastOrderCustomer: string | null = null;

  /**
   * Whether every reference is found: a customer line for each customer named, and for each
   * order or invoice named, its line with the same customer or none (as markReferences).
   */
  clean(): boolean {
    if (this.overflow) return false;
    for (const c of this.wantedCustomers) if (!this.customers.has(c)) return false;
    for (const kind of ["order", "invoice"] as const) {
      for (const [id, customers] of this.wanted[kind]) {
        for (const customer of customers) if (!this.owns(kind, id, customer)) return false;
      }
    }
    return true;
  }

  private letGo(): void {
    this.overflow = true;
    this.customers.clear();
    this.wantedCustomers.clear();
    for (const kind of ["order", "invoice"] as const) {
      this.owners[kind].clear();
      this.wanted[kind].clear();
    }
  }

  /** Whether the reference is found already; if not, it waits for the end. */
  private want(kind: "order" | "invoice", id: string, customer: string | null): boolean {
    if (this.owns(kind, id, customer)) return true;
    let customers = this.wanted[kind].get(id);
    if (!customers) {
      customers = new Set();
      this.wanted[kind].set(own(id), customers);
    }
    if (!customers.has(customer)) {
      customers.add(customer === null ? null : own(customer));
      this.held++;
    }
    return false;
  }

  /** Whether the import's `kind` line `id` belongs to `customer` or to no customer. */
  private owns(kind: "order" | "invoice", id: string, customer: string | null): boolean {
    const owner = this.owners[kind].get(id);
    if (owner === undefined) return false;
    return owner === null || (customer !== null && owner === customer);
  }
}

/**
 * A copy of a text that holds nothing else: the texts of staged rows are cut from blocks of
 * 128 K characters (staged-rows.ts), and V8 keeps a cut of 13 characters or more as a view of
 * its whole block. Kept as such by the tally, one id a block would keep every block of the
 * import, and its data, until the end (hundreds of MB for 1.3 million lines). The cut of a
 * new string holds only that string, one character longer.
 */
function own(text: string): string {
  return ` ${text}`.slice(1);
}
