import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderFact } from "../../../domain/facts.ts";
import { formatWallClock } from "../../../domain/intake/zoned-time.ts";
import { findFact } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { seedCatalogueService } from "../../test-catalogue.ts";
import { pdfText } from "../../test-pdf.ts";

for (const dialect of testDialects()) {
  describe(`intake (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    let soleRepair: { id: string; risks: { code: string; text: string }[] };
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      soleRepair = await seedCatalogueService(t, staff, "sole_repair");
    });
    afterAll(() => t.close());

    const post = (user: TestUser, url: string, payload: unknown = {}) =>
      call(t.app, {
        method: "POST",
        url: `/api/orgs/shop${url}`,
        headers: user.write,
        payload: payload as object,
      });
    const get = (user: TestUser, url: string) =>
      call(t.app, { method: "GET", url: `/api/orgs/shop${url}`, headers: user.read });

    it("plays the plastic sandals: disclosed, blocked, acknowledged, accepted, delivered, then a complaint showing the disclosure", async () => {
      const created = await post(staff, "/intake", {
        customer: { new: { id: "sandals", name: "Sandra Lopez", email: "sandra@example.test" } },
        serviceId: soleRepair.id,
        item: "Plastic sandals, left sole split",
        observations: { material: "plastic", condition: "sole split at the heel" },
        risks: [soleRepair.risks[0], { text: "the new strap may not match the colour" }],
        questions: ["Keep the original strap?"],
        advice: { kind: "proceed_with_reserve", text: "the repair will show" },
        quote: { price: 18 },
        deposit: 5,
      });
      expect(created.status).toBe(201);
      const id = created.body.order.id;
      expect(created.body.order).toMatchObject({
        status: "awaiting_answers",
        price: 18,
        warrantyDays: 30,
      });
      expect(created.body.order.cost).toBeUndefined();
      expect(created.body.disclosures[0]).toMatchObject({
        code: "plastic_sole",
        text: "plastic sole: a glued repair stays visible",
        acknowledgedAt: null,
      });

      const blocked = await post(staff, `/intake/${id}/accept`);
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.code).toBe("ACCEPTANCE_BLOCKED");
      expect(blocked.body.error.message).toContain("a question is still open");
      expect(blocked.body.error.message).toContain("a disclosure has not been acknowledged");

      const q = created.body.questions[0].id;
      const answered = await post(staff, `/intake/${id}/questions/${q}/answer`, { answer: "yes" });
      expect(answered.body.order.status).toBe("quoted");
      const stillBlocked = await post(staff, `/intake/${id}/accept`);
      expect(stillBlocked.status).toBe(409);
      expect(stillBlocked.body.error.message).not.toContain("question");
      expect(stillBlocked.body.error.message).toContain("disclosure");

      const d = created.body.disclosures[0].id;
      const ack = await post(staff, `/intake/${id}/disclosures/${d}/acknowledge`, {
        name: "Sandra Lopez",
      });
      expect(ack.body.disclosures[0]).toMatchObject({
        acknowledgedBy: "Sandra Lopez",
        acknowledgedVia: "counter",
      });
      expect(ack.body.can.accept).toBe(false);
      const second = await post(
        staff,
        `/intake/${id}/disclosures/${created.body.disclosures[1].id}/acknowledge`,
        { name: "S. Lopez" },
      );
      expect(second.body.can.accept).toBe(true);

      const accepted = await post(staff, `/intake/${id}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body.order.status).toBe("accepted");
      const fact = (await findFact(t.store, t.org.id, "order", id)) as OrderFact;
      expect(fact).toMatchObject({
        customer: "sandals",
        price: 1800,
        list_price: 1800,
        service: "sole_repair",
        warranty_days: 30,
      });
      expect(fact.disclosures?.[0]).toMatchObject({
        code: "plastic_sole",
        acknowledged_at: Date.parse(ack.body.disclosures[0].acknowledgedAt),
      });

      const receipt = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/intake/${id}/receipt.pdf`,
        headers: staff.read,
      });
      expect(receipt.statusCode).toBe(200);
      expect(receipt.headers["content-type"]).toBe("application/pdf");
      const text = await pdfText(receipt.rawPayload);
      const zone = t.org.time_zone;
      expect(text).toContain("Item : Plastic sandals, left sole split");
      expect(text).toContain("Material : plastic");
      expect(text).toContain("Condition : sole split at the heel");
      expect(text).toContain("Advice : go ahead, with reservations - the repair will show");
      for (const [i, by] of [
        [0, "Sandra Lopez"],
        [1, "S. Lopez"],
      ] as const) {
        const d = second.body.disclosures[i];
        const when = formatWallClock(Date.parse(d.acknowledgedAt), zone);
        expect(text).toContain(`- ${d.text} acknowledged on ${when} by ${by} (counter)`);
      }
      expect(text).toContain("Keep the original strap? : yes");
      expect(text).toContain("Agreed price : €18.00");
      expect(text).toContain("Deposit : €5.00");
      expect(text).toContain("Warranty : 30 days after delivery");

      for (const to of ["in_progress", "ready", "delivered"]) {
        expect((await post(staff, `/intake/${id}/advance`, { to })).body.order.status).toBe(to);
      }
      const correction = (await findFact(
        t.store,
        t.org.id,
        "order",
        `${id}~delivered`,
      )) as OrderFact;
      expect(correction.delivered).toBeTypeOf("number");
      expect(correction.extra).toMatchObject({ corrects: id });
      expect((await post(staff, `/intake/${id}/advance`, { to: "ready" })).body.error.code).toBe(
        "ORDER_TRANSITION_INVALID",
      );

      const complaint = await post(staff, "/complaints", {
        order: id,
        text: "The glued repair is ugly",
      });
      expect(complaint.status).toBe(201);
      expect(complaint.body.disclosures).toEqual([
        expect.objectContaining({
          code: "plastic_sole",
          text: "plastic sole: a glued repair stays visible",
          acknowledgedAt: expect.any(String),
        }),
        expect.objectContaining({ text: "the new strap may not match the colour" }),
      ]);
      const inbox = await get(staff, "/inbox");
      expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(
        complaint.body.complaint.id,
      );
      const kid = complaint.body.complaint.id;
      await post(staff, `/complaints/${kid}/respond`, { text: "We will look at it" });
      const resolved = await post(staff, `/complaints/${kid}/resolve`, {
        fault: "customer",
        faultReason: "the visible repair was disclosed and acknowledged",
        remedy: "none",
        explanation: "We showed the acknowledged disclosure and offered new sandals",
        disclosureCode: "plastic_sole",
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body.complaint).toMatchObject({
        fault: "customer",
        disclosureCode: "plastic_sole",
      });
      expect(resolved.body.complaint.remedyAmount).toBeUndefined();
      expect(await findFact(t.store, t.org.id, "complaint", `${kid}~resolved`)).toMatchObject({
        fault: "customer",
        extra: { corrects: kid },
      });

      const ret = await post(staff, "/returns", {
        order: id,
        kind: "repair",
        reason: "sole split again",
      });
      expect(ret.status).toBe(201);
      expect(ret.body.withinWarranty).toBe(true);
      expect(ret.body.earlier).toEqual([]);
      const again = await post(staff, "/returns", { order: id, kind: "exchange" });
      expect(again.body.earlier.map((r: { id: string }) => r.id)).toEqual([ret.body.return.id]);
    });

    it("asks a manager to confirm a quote above the charter's maximum discount", async () => {
      const created = await post(staff, "/intake", {
        customer: { new: { name: "Hagg Ler" } },
        item: "Hem",
        service: "hem",
      });
      const id = created.body.order.id;
      const quote = { listPrice: 100, price: 80 };
      const refused = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/shop/intake/${id}`,
        headers: staff.write,
        payload: { quote },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: "QUOTE_NEEDS_MANAGER", field: "price" });
      expect(refused.body.error.message).toContain("discount 20 % is above the charter's 10 %");
      const unconfirmed = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/shop/intake/${id}`,
        headers: manager.write,
        payload: { quote },
      });
      expect(unconfirmed.status).toBe(409);
      expect(unconfirmed.body.error.code).toBe("QUOTE_NEEDS_CONFIRMATION");
      const confirmed = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/shop/intake/${id}`,
        headers: manager.write,
        payload: { quote: { ...quote, managerConfirmed: true } },
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.order).toMatchObject({
        quoteConfirmed: true,
        price: 80,
        listPrice: 100,
      });
      expect(confirmed.body.quoteCheck).toMatchObject({ discountPct: 20, needsManager: true });
      expect(confirmed.body.blockers).toEqual([]);
      const withinLimit = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/shop/intake/${id}`,
        headers: staff.write,
        payload: { quote: { listPrice: 100, price: 90 } },
      });
      expect(withinLimit.status).toBe(200);
      const cost = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/shop/intake/${id}`,
        headers: staff.write,
        payload: { quote: { price: 90, cost: 1 } },
      });
      expect(cost.status).toBe(403);
    });

    it("answers 400 naming the field, 401, and 404 for another organization's order", async () => {
      const bad = await post(staff, "/intake", { customer: { id: "nobody" }, item: "" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("item");
      const unknownCustomer = await post(staff, "/intake", {
        customer: { id: "nobody" },
        item: "Boots",
      });
      expect(unknownCustomer.status).toBe(404);
      expect(unknownCustomer.body.error.code).toBe("CUSTOMER_NOT_FOUND");
      expect((await call(t.app, { method: "GET", url: "/api/orgs/shop/intake" })).status).toBe(401);
      const created = await post(staff, "/intake", {
        customer: { new: { name: "Iso Lation" } },
        item: "Boots",
      });
      const rival = await signIn(t, "owner", t.other);
      const id = created.body.order.id;
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: `/api/orgs/rival/intake/${id}`,
            headers: rival.read,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: `/api/orgs/shop/intake/${id}`,
            headers: rival.read,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(t.app, {
            method: "POST",
            url: `/api/orgs/rival/intake/${id}/accept`,
            headers: rival.write,
          })
        ).status,
      ).toBe(404);
      const pdf = await call(t.app, {
        method: "GET",
        url: `/api/orgs/rival/intake/${id}/receipt.pdf`,
        headers: rival.read,
      });
      expect(pdf.status).toBe(404);
      expect((await post(staff, `/intake/${id}/advance`, { to: "flying" })).body.error.field).toBe(
        "to",
      );
    });

    it("keeps a signature drawn at the counter, shows it with the order and draws it on the receipt", async () => {
      const created = await post(staff, "/intake", {
        customer: { new: { name: "Sig Nature" } },
        item: "Suede boots",
        risks: [{ text: "suede may darken where it is glued" }],
        quote: { price: 40 },
      });
      const id = created.body.order.id;
      // A real 1x1 PNG, as a signature pad's canvas would give.
      const signature =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
      const bad = await post(
        staff,
        `/intake/${id}/disclosures/${created.body.disclosures[0].id}/acknowledge`,
        { signature: "data:text/html;base64,PGI+" },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("signature");
      const signed = await post(
        staff,
        `/intake/${id}/disclosures/${created.body.disclosures[0].id}/acknowledge`,
        { signature },
      );
      expect(signed.status).toBe(200);
      expect(signed.body.disclosures[0]).toMatchObject({
        acknowledgedBy: "signature",
        acknowledgedVia: "counter",
        signature,
      });
      expect((await get(staff, `/intake/${id}`)).body.disclosures[0].signature).toBe(signature);
      const receipt = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/intake/${id}/receipt.pdf`,
        headers: staff.read,
      });
      expect(receipt.statusCode).toBe(200);
      expect(receipt.rawPayload.toString("latin1")).toContain("/Subtype /Image");
      expect(await pdfText(receipt.rawPayload)).toContain("by signature (counter)");
    });

    it("keeps photos with the order", async () => {
      const created = await post(staff, "/intake", {
        customer: { new: { name: "Photo Graph" } },
        item: "Boots",
      });
      const id = created.body.order.id;
      const png = await sharp({
        create: { width: 4, height: 3, channels: 3, background: "#a52" },
      })
        .png()
        .toBuffer();
      const added = await post(staff, `/intake/${id}/photos`, {
        contentType: "image/png",
        data: png.toString("base64"),
      });
      expect(added.status).toBe(201);
      const back = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/intake/${id}/photos/${added.body.id}`,
        headers: staff.read,
      });
      expect(back.headers["content-type"]).toBe("image/png");
      // Written anew from its pixels (reencode-photo.ts): the same picture.
      const served = await sharp(back.rawPayload).raw().toBuffer();
      expect(served.equals(await sharp(png).raw().toBuffer())).toBe(true);
      const html = await post(staff, `/intake/${id}/photos`, {
        contentType: "image/png",
        data: Buffer.from("<html><script>alert(1)</script></html>").toString("base64"),
      });
      expect(html.status).toBe(400);
      expect(html.body.error).toMatchObject({
        field: "data",
        message:
          "data: the file is not an image, though sent as image/png: send a JPEG, PNG or WebP photo",
      });
      expect(
        (await post(staff, `/intake/${id}/photos`, { contentType: "text/html", data: "aGk=" })).body
          .error.field,
      ).toBe("contentType");
      // Just above the limit, and a phone's full-size photo: both named, with the limit.
      for (const bytes of [1_550_000, 4_000_000]) {
        const big = await post(staff, `/intake/${id}/photos`, {
          contentType: "image/jpeg",
          data: Buffer.alloc(bytes, 1).toString("base64"),
        });
        expect(big.status).toBe(400);
        expect(big.body.error.field).toBe("data");
        expect(big.body.error.message).toContain("limit of 1.5 MB");
      }
      const empty = await post(staff, `/intake/${id}/photos`, {
        contentType: "image/png",
        data: "",
      });
      expect(empty.body.error).toMatchObject({
        field: "data",
        message: "data: the photo is empty",
      });
      const photos = (await get(staff, `/intake/${id}`)).body.photos;
      expect(photos).toHaveLength(1);
    });

    it("records time, revisions and chases as ledger facts once accepted", async () => {
      const created = await post(owner, "/intake", {
        customer: { new: { name: "Tim Keeper" } },
        item: "Jacket",
        quote: { price: 75, cost: 2 },
      });
      const id = created.body.order.id;
      expect(created.body.order.cost).toBe(2);
      const early = await post(staff, `/intake/${id}/activities`, {
        kind: "time",
        minutes: 30,
        activity: "work",
      });
      expect(early.body.error.code).toBe("ORDER_TRANSITION_INVALID");
      await post(staff, `/intake/${id}/accept`);
      const time = await post(staff, `/intake/${id}/activities`, {
        kind: "time",
        minutes: 30,
        activity: "work",
      });
      expect(time.status).toBe(201);
      // The member who records it is the fact's staff: their name, and their user id.
      expect(await findFact(t.store, t.org.id, "time", time.body.id)).toMatchObject({
        minutes: 30,
        order: id,
        staff: expect.stringMatching(/^User \d+$/),
        extra: { staff_user: staff.id },
      });
      const rev = await post(staff, `/intake/${id}/activities`, {
        kind: "revision",
        text: "shorter sleeves",
      });
      expect(await findFact(t.store, t.org.id, "revision", rev.body.id)).toMatchObject({
        order: id,
        text: "shorter sleeves",
      });
      const chase = await post(staff, `/intake/${id}/activities`, {
        kind: "chase",
        text: "still waiting for the buttons",
      });
      expect(chase.status).toBe(201);
      expect(chase.body.type).toBe("chase");
      expect(await findFact(t.store, t.org.id, "chase", chase.body.id)).toMatchObject({
        customer: created.body.order.customer,
        order: id,
        text: "still waiting for the buttons",
      });
      const bad = await post(staff, `/intake/${id}/activities`, {
        kind: "time",
        minutes: 0,
        activity: "work",
      });
      expect(bad.status).toBe(400);
    });
  });
}
