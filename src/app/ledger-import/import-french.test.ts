/** Import in the owner's language (issue 18): French file names, columns, values and dates. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import { countFacts, ensureOrganization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { tempDir, writeText } from "./fixtures/import-files.ts";
import { importLedger } from "./import-ledger.ts";

/** A small ledger as a French spreadsheet writes it: one file per type, `;`, decimal commas. */
function frenchLedger(dir: string): string[] {
  return [
    writeText(
      dir,
      "clients.csv",
      "\ufeffIdentifiant;Date;Nom;Nature;Statut;Courriel;Téléphone;Langue\r\n" +
        "c1;2026-03-01;Léa Dupont;particulier;client;lea@example.fr;06 12 34 56 78;fr\r\n" +
        "c2;2026-03-02;Atelier Bleu;Entreprise;prospect;;;\r\n",
    ),
    writeText(
      dir,
      "commandes.csv",
      "identifiant;date;client;prix;prix_catalogue;coût;prestation;échéance;livrée\r\n" +
        "o1;2026-03-03;c1;1 234,50;1 300;12,5;ressemelage;2026-03-10;2026-03-09T17:00:00+01:00\r\n",
    ),
    writeText(
      dir,
      "temps.csv",
      "identifiant;date;client;commande;minutes;activité;personnel\r\n" +
        "t1;2026-03-03;c1;o1;30;travail;Marc\r\n" +
        "t2;2026-03-04;c1;o1;10;Négociation;Marc\r\n",
    ),
    writeText(
      dir,
      "revisions.csv",
      "identifiant;date;client;commande;texte\r\nr1;2026-03-05;c1;o1;plus court\r\n",
    ),
    writeText(
      dir,
      "relances-elements.csv",
      "identifiant;date;client;commande;texte\r\nch1;2026-03-05;c1;o1;photos\r\n",
    ),
    writeText(
      dir,
      "factures.csv",
      "identifiant;date;client;montant;échéance;commande\r\nf1;2026-03-09;c1;1 234,50;2026-04-09;o1\r\n",
    ),
    writeText(
      dir,
      "paiements.csv",
      "identifiant;date;client;facture;montant\r\np1;2026-04-01;c1;f1;1 000,00\r\n",
    ),
    writeText(
      dir,
      "rappels.csv",
      "identifiant;date;client;facture;niveau\r\nrp1;2026-04-15;c1;f1;1\r\n",
    ),
    writeText(
      dir,
      "avoirs.csv",
      "identifiant;date;client;facture;montant;reason\r\nav1;2026-04-16;c1;f1;34,50;geste\r\n",
    ),
    writeText(
      dir,
      "retours.csv",
      "identifiant;date;client;commande;nature\r\nre1;2026-03-20;c1;o1;réparation\r\n",
    ),
    writeText(
      dir,
      "reclamations.csv",
      "identifiant;date;client;commande;texte;faute;geste;montant_geste\r\n" +
        "rc1;2026-03-21;c1;o1;couture;matière;remise;20,00\r\n",
    ),
    writeText(
      dir,
      "incidents.csv",
      "identifiant;date;client;gravité;personnel;texte\r\ni1;2026-03-22;c1;1;Marc;ton sec\r\n",
    ),
    writeText(
      dir,
      "avis.csv",
      "identifiant;date;origine;client;note;texte;langue\r\n" +
        "a1;2026-03-23;client;c1;9;très bien;fr\r\n" +
        "a2;2026-03-24;ancien client;c2;4;trop cher;fr\r\n",
    ),
  ];
}

for (const dialect of testDialects()) {
  describe(`import of French files (${dialect})`, () => {
    let store: Store;
    let orgId: string;
    let dir: string;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      orgId = (await ensureOrganization(store, "atelier")).id;
      dir = tempDir();
    });
    afterEach(async () => {
      await store.close();
    });

    it("reads French file names, column names and values as the spec's", async () => {
      const files = frenchLedger(dir);
      const report = await importLedger(store, { orgId, files });
      expect(report.errors).toEqual([]);
      expect(report.ok).toBe(true);
      expect(await countFacts(store, orgId)).toBe(16);
      expect(await findFact(store, orgId, "customer", "c1")).toMatchObject({
        name: "Léa Dupont",
        kind: "person",
        status: "active",
        email: "lea@example.fr",
        phone: "06 12 34 56 78",
        lang: "fr",
      });
      expect(await findFact(store, orgId, "customer", "c2")).toMatchObject({
        kind: "business",
        status: "prospect",
      });
      expect(await findFact(store, orgId, "order", "o1")).toMatchObject({
        customer: "c1",
        price: 123450,
        list_price: 130000,
        cost: 1250,
        service: "ressemelage",
        due: Date.UTC(2026, 2, 10),
        delivered: Date.UTC(2026, 2, 9, 16),
      });
      expect(await findFact(store, orgId, "time", "t2")).toMatchObject({
        activity: "negotiation",
        staff: "Marc",
        order: "o1",
      });
      expect(await findFact(store, orgId, "chase", "ch1")).toMatchObject({ text: "photos" });
      expect(await findFact(store, orgId, "payment", "p1")).toMatchObject({
        invoice: "f1",
        amount: 100000,
      });
      expect(await findFact(store, orgId, "reminder", "rp1")).toMatchObject({ level: 1 });
      expect(await findFact(store, orgId, "credit_note", "av1")).toMatchObject({ amount: 3450 });
      expect(await findFact(store, orgId, "return", "re1")).toMatchObject({ kind: "repair" });
      expect(await findFact(store, orgId, "complaint", "rc1")).toMatchObject({
        fault: "material",
        remedy: "discount",
        remedy_amount: 2000,
      });
      expect(await findFact(store, orgId, "incident", "i1")).toMatchObject({ severity: 1 });
      expect(await findFact(store, orgId, "feedback", "a2")).toMatchObject({
        source: "churned",
        score: 4,
        customer: "c2",
      });
      // Idempotent: the same files again change nothing.
      const again = await importLedger(store, { orgId, files });
      expect(again.ok).toBe(true);
      expect(Object.values(again.counts).every((c) => c.added === 0)).toBe(true);
    });

    it("keeps the spec's words working in a French file, and French words only there", async () => {
      const french = writeText(
        dir,
        "reclamations.csv",
        "identifiant;date;client;faute;geste\r\nrc1;2026-03-21;c1;customer;refund\r\n",
      );
      const clients = writeText(
        dir,
        "customers.csv",
        "id,at,name,kind\nc1,2026-03-01,Ana,person\n",
      );
      const report = await importLedger(store, { orgId, files: [clients, french] });
      expect(report.errors).toEqual([]);
      expect(await findFact(store, orgId, "complaint", "rc1")).toMatchObject({
        fault: "customer",
        remedy: "refund",
      });
      // An English file does not translate: `particulier` is not a kind there.
      const english = writeText(
        dir,
        "more.csv",
        "type,id,at,name,kind\ncustomer,c9,2026-03-01,Bo,particulier\n",
      );
      const refused = await importLedger(store, { orgId, files: [english] });
      expect(refused.errors.map((e) => `${e.line} ${e.field}`)).toEqual(["2 kind"]);
    });

    it("reads French type words in a type column of a French file", async () => {
      const file = writeText(
        dir,
        "export.csv",
        "type;identifiant;date;client;nom;prix\r\nclient;c1;2026-03-01;;Ana;\r\ncommande;o1;2026-03-02;c1;;12,50\r\n",
      );
      const report = await importLedger(store, { orgId, files: [file] });
      expect(report.errors).toEqual([]);
      expect(await findFact(store, orgId, "order", "o1")).toMatchObject({ price: 1250 });
    });

    it("reads jj/mm/aaaa dates, and hh:mm in the organization's time zone, in French", async () => {
      const file = writeText(
        dir,
        "commandes.csv",
        "identifiant;date;client;prix;échéance;livrée\r\n" +
          "o1;01/03/2026;c1;10;31/03/2026;15/07/2026 09:30\r\n" +
          "o2;2/3/2026 18:05;c1;10;;\r\n",
      );
      const clients = writeText(
        dir,
        "clients.csv",
        "identifiant;date;nom\r\nc1;01/02/2026;Ana\r\n",
      );
      const report = await importLedger(store, {
        orgId,
        files: [clients, file],
        lang: "fr",
        timeZone: "Europe/Paris",
      });
      expect(report.errors).toEqual([]);
      expect(await findFact(store, orgId, "customer", "c1")).toMatchObject({
        at: Date.UTC(2026, 1, 1),
      });
      expect(await findFact(store, orgId, "order", "o1")).toMatchObject({
        at: Date.UTC(2026, 2, 1),
        due: Date.UTC(2026, 2, 31),
        delivered: Date.UTC(2026, 6, 15, 7, 30), // summer time: +02:00
      });
      expect(await findFact(store, orgId, "order", "o2")).toMatchObject({
        at: Date.UTC(2026, 2, 2, 17, 5), // winter time: +01:00
      });
    });

    it("refuses jj/mm/aaaa in English, and impossible French dates", async () => {
      const english = writeText(dir, "customers.csv", "id,at,name\nc1,01/02/2026,Ana\n");
      const refused = await importLedger(store, { orgId, files: [english], lang: "en" });
      expect(refused.errors.map((e) => `${e.line} ${e.field}`)).toEqual(["2 at"]);
      const french = writeText(dir, "clients.csv", "identifiant;date;nom\r\nc1;31/02/2026;Ana\r\n");
      const wrong = await importLedger(store, { orgId, files: [french], lang: "fr" });
      expect(wrong.errors.map((e) => `${e.line} ${e.field} ${e.reason}`)).toEqual([
        '2 at not a real date: "31/02/2026"',
      ]);
      expect(await countFacts(store, orgId)).toBe(0);
    });

    it("tells each error in French, naming the column as the file does, and counts lines", async () => {
      const clients = writeText(
        dir,
        "clients.csv",
        "identifiant;date;nom\r\nc1;01/02/2026;Ana\r\nc2;;Bo\r\n",
      );
      const factures = writeText(
        dir,
        "factures.csv",
        "identifiant;date;client;Montant;échéance\r\n" +
          "f1;01/03/2026;c1;100;01/04/2026\r\n" +
          "f2;01/03/2026;c1;cher;01/04/2026\r\n" +
          "f3;01/03/2026;c1;-5;\r\n" +
          "f4;01/03/2026;c9;5;31/04/2026\r\n",
      );
      const report = await importLedger(store, { orgId, files: [clients, factures], lang: "fr" });
      expect(report.ok).toBe(false);
      expect(report.errors.map((e) => e.message)).toEqual([
        "ligne 3 : date : obligatoire : remplissez la colonne « date » de cette ligne (ajoutez la colonne si le fichier ne l'a pas) avec la date du fait en jj/mm/aaaa, pour un client le jour où il est devenu client ou prospect. Cette date fait partie du fait : sans elle, importer à nouveau le même fichier ne donnerait pas le même registre",
        "ligne 3 : Montant : doit être un nombre (1234,50)",
        "ligne 4 : Montant : ne doit pas être négatif",
        "ligne 4 : échéance : obligatoire : remplissez la colonne « échéance » de cette ligne (ajoutez la colonne si le fichier ne l'a pas)",
        "ligne 5 : échéance : cette date n'existe pas : « 31/04/2026 »",
      ]);
      // The spec's form stays in the machine fields.
      expect(report.errors[1]).toMatchObject({
        field: "amount",
        reason: "must be a number",
        column: "Montant",
      });
      expect(report.errorCount).toBe(5);
      expect(report.errorLineCount).toBe(4);
      expect(await countFacts(store, orgId)).toBe(0);
    });

    it("names an unknown reference in French, in the column of the file", async () => {
      const clients = writeText(
        dir,
        "clients.csv",
        "identifiant;date;nom\r\nc1;01/02/2026;Ana\r\n",
      );
      const paiements = writeText(
        dir,
        "paiements.csv",
        "identifiant;date;client;facture;montant\r\np1;01/03/2026;c1;f9;10\r\n",
      );
      const report = await importLedger(store, { orgId, files: [clients, paiements], lang: "fr" });
      expect(report.errors.map((e) => e.message)).toEqual([
        "ligne 2 : facture : facture « f9 » introuvable, ni dans les fichiers importés ni dans le registre",
      ]);
      expect(report.errorLineCount).toBe(1);
      // In English, jj/mm/aaaa dates are refused, and the rest is said as the spec writes it.
      const english = await importLedger(store, { orgId, files: [clients, paiements], lang: "en" });
      expect(english.errors.map((e) => e.message)).toEqual([
        "line 2: date: must be a date (2026-03-01) or a date-time with an offset (2026-03-01T09:30:00+01:00)",
        "line 2: date: must be a date (2026-03-01) or a date-time with an offset (2026-03-01T09:30:00+01:00)",
      ]);
      expect(english.errorLineCount).toBe(2);
    });
  });
}
