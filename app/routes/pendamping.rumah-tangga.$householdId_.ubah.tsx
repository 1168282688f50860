import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AreaTypeFieldset } from "~/components/area-type-fieldset";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { editHouseholdSchema, type EditHouseholdForm } from "~/models/household-forms.server";
import { MAX_HOUSEHOLD_MEMBERS } from "~/models/household-rules";
import { HouseholdError, updateHousehold } from "~/models/household.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

/** `/pendamping/rumah-tangga/<id>/ubah`: the facilitator corrects a household they coach (404 for anyone else's). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const household = await prisma.household.findFirst({
    where: { id: params.householdId ?? "", facilitatorId: user.id },
    select: { id: true, programRef: true, headName: true, memberCount: true, areaType: true, status: true, regency: { select: { name: true } } },
  });
  if (!household) throw new Response("Not found", { status: 404 });
  return { household };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const householdId = params.householdId ?? "";
  // Another facilitator's household looks exactly like a missing one, before the form is even read.
  if ((await prisma.household.count({ where: { id: householdId, facilitatorId: user.id } })) === 0) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await readFormData(request), { schema: editHouseholdSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  let result: Awaited<ReturnType<typeof updateHousehold>>;
  try {
    result = await updateHousehold(prisma, { facilitatorId: user.id, householdId, ...submission.value });
  } catch (error) {
    if (error instanceof HouseholdError && error.code === "not_active") {
      return data({ result: submission.reply({ formErrors: ["households.errorEditNotActive"] }) }, { status: 409 });
    }
    throw error;
  }
  if (!result) throw new Response("Not found", { status: 404 });
  return redirect(`/pendamping/rumah-tangga/${householdId}?diubah=${result.changed.length > 0 ? 1 : 0}`);
}

export default function EditHousehold() {
  const { t } = useTranslation();
  const { household } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<EditHouseholdForm>({
    id: "edit-household",
    lastResult: actionData?.result,
    defaultValue: { headName: household.headName, memberCount: String(household.memberCount), areaType: household.areaType },
    shouldRevalidate: "onBlur",
  });
  const checkedArea = fields.areaType.initialValue ?? household.areaType;

  return (
    <section className="narrow stack">
      <p>
        <Link to={`/pendamping/rumah-tangga/${household.id}`}>{household.headName}</Link>
      </p>
      <h1>{t("households.editTitle", { name: household.headName })}</h1>
      <p>{t("households.editIntro")}</p>
      <dl className="facts">
        <dt>{t("households.programRefLabel")}</dt>
        <dd>{household.programRef}</dd>
        <dt>{t("households.regencyLabel")}</dt>
        <dd>{household.regency.name}</dd>
      </dl>
      {household.status !== "ACTIVE" ? (
        <p className="notice notice--warning" role="alert">
          {t("households.errorEditNotActive")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("households.headNameLabel")}
          errors={fields.headName.errors}
          inputProps={{ ...getInputProps(fields.headName, { type: "text" }), required: true, maxLength: 100, autoComplete: "off" }}
        />
        <Field
          label={t("households.memberCountLabel")}
          hint={t("households.memberCountHint", { max: MAX_HOUSEHOLD_MEMBERS })}
          errors={fields.memberCount.errors}
          inputProps={{ ...getInputProps(fields.memberCount, { type: "number" }), required: true, min: 1, max: MAX_HOUSEHOLD_MEMBERS, inputMode: "numeric" }}
        />
        <AreaTypeFieldset id={fields.areaType.id} name={fields.areaType.name} checked={checkedArea} errors={fields.areaType.errors} />
        <button type="submit" className="button button--primary" disabled={household.status !== "ACTIVE"}>
          {t("households.editSubmit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.editLink") }];

export const ErrorBoundary = RouteErrorBoundary;
