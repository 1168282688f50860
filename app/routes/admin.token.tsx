import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { listRecentDataAccess } from "~/models/data-access-log.server";
import { PROGRAM_TIME_ZONE } from "~/models/program-reporting";
import { apiTokenActionSchema } from "~/models/program-forms.server";
import { requireAdmin } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [tokens, access] = await Promise.all([listApiTokens(prisma), listRecentDataAccess(prisma, 50)]);
  const apiBase = `${getEnv().APP_ORIGIN.replace(/\/$/, "")}/api/v1`;
  return { tokens, access, endpoints: ["households", "assessments", "store-sales"].map((dataset) => `${apiBase}/${dataset}`) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await readFormData(request), { schema: apiTokenActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  if (submission.value.intent === "revoke") {
    const revoked = await revokeApiToken(prisma, { id: submission.value.tokenId, actorId: admin.id });
    if (!revoked) throw new Response("Not found", { status: 404 });
    throw redirect("/admin/token?dicabut=1");
  }
  const created = await createApiToken(prisma, { name: submission.value.name, actorId: admin.id });
  return data({ result: submission.reply({ resetForm: true }), created: { name: submission.value.name, token: created.token } });
}

export default function ApiTokensPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { tokens, access, endpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<{ intent: string; name: string }>({ id: "create-token", lastResult: actionData?.result });
  const confirming = tokens.find((token) => token.id === params.get("cabut") && !token.revokedAt) ?? null;
  const when = (value: Date | string | null) => (value ? formatDateTime(value, PROGRAM_TIME_ZONE, locale) : "–");

  return (
    <section className="stack">
      <p>
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("program.tokensTitle")}</h1>
      <p>{t("program.tokensIntro")}</p>
      {params.get("dicabut") ? (
        <p className="notice" role="status">
          {t("program.tokenRevoked")}
        </p>
      ) : null}
      {actionData?.created ? (
        <div className="notice" role="status">
          <p>{t("program.tokenCreated", { name: actionData.created.name })}</p>
          <p>
            <strong className="mono token-value">{actionData.created.token}</strong>
          </p>
          <p>{t("program.tokenShownOnce")}</p>
        </div>
      ) : null}

      {confirming ? (
        <div className="card stack" role="alertdialog" aria-labelledby="revoke-title">
          <h2 id="revoke-title">{t("program.revokeConfirmTitle", { name: confirming.name })}</h2>
          <p>{t("program.revokeConfirmText", { prefix: confirming.prefix })}</p>
          <div className="button-row">
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="tokenId" value={confirming.id} />
              <button type="submit" className="button program-danger">
                {t("program.revokeConfirm")}
              </button>
            </Form>
            <Link to="/admin/token" className="button">
              {t("program.cancel")}
            </Link>
          </div>
        </div>
      ) : null}

      <section aria-labelledby="create-token-title" className="narrow">
        <h2 id="create-token-title">{t("program.createToken")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="create" />
          <Field
            label={t("program.tokenName")}
            hint={t("program.tokenNameHint")}
            errors={fields.name.errors}
            inputProps={{ ...getInputProps(fields.name, { type: "text" }), required: true, minLength: 3, maxLength: 80, autoComplete: "off" }}
          />
          <button type="submit" className="button button--primary">
            {t("program.createToken")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">{t("program.apiEndpoints")}</h2>
        <p>{t("program.apiEndpointsHint")}</p>
        <ul>
          {endpoints.map((endpoint) => (
            <li key={endpoint} className="mono csv-header">
              {endpoint}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t("program.tokensList")}</h2>
        {tokens.length === 0 ? (
          <p>{t("program.noTokens")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("program.tokenName")}</th>
                  <th scope="col">{t("program.tokenPrefix")}</th>
                  <th scope="col">{t("program.tokenCreatedAt")}</th>
                  <th scope="col">{t("program.tokenLastUsed")}</th>
                  <th scope="col">{t("program.tokenState")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td className="mono">{token.prefix}…</td>
                    <td>
                      {when(token.createdAt)}
                      <br />
                      <span className="muted">{token.createdByName}</span>
                    </td>
                    <td>{when(token.lastUsedAt)}</td>
                    <td>
                      {token.revokedAt ? (
                        t("program.tokenRevokedAt", { when: when(token.revokedAt) })
                      ) : (
                        <>
                          {t("program.tokenActive")}{" "}
                          <Link to={`/admin/token?cabut=${token.id}`} className="button button--quiet" aria-label={t("program.revokeNamed", { name: token.name })}>
                            {t("program.revoke")}
                          </Link>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="access-title">
        <h2 id="access-title">{t("program.accessLogTitle")}</h2>
        <p className="muted">{t("program.accessLogIntro")}</p>
        {access.length === 0 ? (
          <p>{t("program.accessLogEmpty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("program.accessWhen")}</th>
                  <th scope="col">{t("program.accessWho")}</th>
                  <th scope="col">{t("program.accessWhat")}</th>
                  <th scope="col" className="num">
                    {t("program.accessRows")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.accessStatus")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {access.map((entry) => (
                  <tr key={entry.id}>
                    <td>{when(entry.createdAt)}</td>
                    <td>
                      {entry.who.kind === "user"
                        ? entry.who.name
                        : entry.who.kind === "token"
                          ? t("program.accessToken", { name: entry.who.name, prefix: entry.who.prefix })
                          : t("program.accessAnonymous")}
                      {entry.clientIp || entry.userAgent ? (
                        <>
                          <br />
                          <small className="muted">
                            {entry.clientIp ? t("program.accessFrom", { ip: entry.clientIp }) : null}
                            {entry.userAgent ? ` · ${entry.userAgent}` : null}
                          </small>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {entry.resource} · {entry.format.toUpperCase()}
                      {entry.filters ? (
                        <>
                          <br />
                          <span className="muted mono">{entry.filters}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="num">{entry.rowCount}</td>
                    <td className="num">{entry.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "program.tokensTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
