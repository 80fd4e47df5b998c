extension ConsoleTemplate {
    /// `GET /customers/{id}`: the customer page. The consent form puts one button per purpose (grant or withdraw);
    /// its first submit button is disabled so that pressing Enter in a text input submits nothing by accident.
    static let customerPage = ConsoleTemplate(name: "customer", source: """
    {{<layout}}{{$main}}{{#page}}
    <p class="breadcrumb"><a href="/customers">{{t.customer_back}}</a></p>
    <div class="page-head">
      <h1>{{customerName}} <span class="badge badge-{{stage}}">{{stageLabel}}</span></h1>
      {{#canAct}}<a class="button" href="/customers/{{customerID}}/edit">{{t.customer_edit}}</a>{{/canAct}}
    </div>
    {{#isDeleted}}<div class="alert alert-error" role="note"><strong>{{t.customer_deleted}}</strong> {{deletionText}}</div>{{/isDeleted}}
    {{#isMasked}}<p class="notice">{{t.customer_masked}}</p>{{/isMasked}}
    <div class="customer-layout">
    <div class="customer-main stack">
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{{t.customer_profile}}</h2>
        <dl class="facts">
          {{#facts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/facts}}
          <div><dt>{{t.col_tags}}</dt><dd>{{#tagList}}<span class="tag">{{.}}</span> {{/tagList}}{{^tagList}}{{t.customer_none}}{{/tagList}}</dd></div>
        </dl>
        {{#hasAttributes}}
        <h3>{{t.customer_attributes}}</h3>
        <dl class="facts">{{#attributeFacts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/attributeFacts}}</dl>
        {{/hasAttributes}}
      </section>

      <section class="card" aria-labelledby="overview-heading">
        <h2 id="overview-heading">{{t.overview_title}}</h2>
        <dl class="facts">{{#overviewFacts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/overviewFacts}}</dl>
        {{#activity}}
        {{#spendChart}}{{>spend-chart}}{{/spendChart}}
        {{^spendChart}}<p class="muted">{{t.chart_empty}}</p>{{/spendChart}}
        <h3 id="open-cases-heading">{{t.voc_openCases}}</h3>
        {{#hasOpenCases}}
        <ul class="case-list" aria-labelledby="open-cases-heading">
          {{#openCases}}<li class="case-item{{#caseOverdue}} case-overdue{{/caseOverdue}}"><a href="{{caseURL}}">{{caseSubject}}</a> <span class="muted">{{caseKind}} · <span class="status status-{{caseStatusCode}}">{{caseStatus}}</span> · {{t.voc_due}} {{caseDue}}</span>{{#caseOverdue}} <strong class="overdue-flag">{{t.voc_overdue}}</strong>{{/caseOverdue}}</li>{{/openCases}}
        </ul>
        {{/hasOpenCases}}
        {{^hasOpenCases}}<p class="muted">{{t.voc_noOpenCases}}</p>{{/hasOpenCases}}
        {{/activity}}
        <h3>{{t.timeline_title}}</h3>
        {{#hasTimeline}}
        <div class="table-scroll" role="region" aria-labelledby="overview-heading" tabindex="0">
        <table class="data-table">
          <thead><tr><th scope="col">{{t.timeline_when}}</th><th scope="col">{{t.timeline_what}}</th><th scope="col">{{t.timeline_detail}}</th></tr></thead>
          <tbody>{{#timelineRows}}<tr><td class="nowrap">{{itemWhen}}</td><td>{{itemKind}}</td><td>{{itemSummary}}</td></tr>{{/timelineRows}}</tbody>
        </table>
        </div>
        {{/hasTimeline}}
        {{^hasTimeline}}<p class="muted">{{t.timeline_empty}}</p>{{/hasTimeline}}
      </section>

      <section class="card" aria-labelledby="nbp-heading" id="next-best-products">
        <h2 id="nbp-heading">{{t.nbp_title}}</h2>
        {{#hasRecommendations}}
        <p class="help">{{t.nbp_help}}</p>
        <div class="table-scroll" role="region" aria-labelledby="nbp-heading" tabindex="0">
        <table class="data-table">
          <thead><tr><th scope="col">{{t.nbp_product}}</th><th scope="col">{{t.nbp_reason}}</th><th scope="col" class="numeric">{{t.nbp_confidence}}</th><th scope="col" class="numeric">{{t.nbp_lift}}</th></tr></thead>
          <tbody>{{#recommendationRows}}<tr><th scope="row">{{recName}} <span class="muted">{{recSKU}}{{#recCategory}} · {{recCategory}}{{/recCategory}}</span></th><td>{{recReason}}</td><td class="numeric">{{recConfidence}}</td><td class="numeric">{{recLift}}</td></tr>{{/recommendationRows}}</tbody>
        </table>
        </div>
        {{/hasRecommendations}}
        {{^hasRecommendations}}<p class="muted">{{t.nbp_empty}}</p>{{/hasRecommendations}}
      </section>

      <section class="card" aria-labelledby="identifiers-heading">
        <h2 id="identifiers-heading">{{t.customer_identifiers}}</h2>
        {{#hasIdentifiers}}
        <div class="table-scroll" role="region" aria-labelledby="identifiers-heading" tabindex="0">
        <table class="data-table">
          <thead><tr><th scope="col">{{t.col_type}}</th><th scope="col">{{t.col_value}}</th><th scope="col">{{t.col_verified}}</th><th scope="col">{{t.col_source}}</th><th scope="col">{{t.col_firstSeen}}</th><th scope="col">{{t.col_lastSeen}}</th></tr></thead>
          <tbody>
          {{#identifierRows}}<tr><th scope="row">{{idType}}</th><td class="nowrap{{#idMasked}} masked{{/idMasked}}">{{idValue}}</td><td>{{idVerified}}</td><td>{{idSource}}</td><td class="nowrap">{{idFirstSeen}}</td><td class="nowrap">{{idLastSeen}}</td></tr>{{/identifierRows}}
          </tbody>
        </table>
        </div>
        {{/hasIdentifiers}}
        {{^hasIdentifiers}}<p class="muted">{{t.customer_noIdentifiers}}</p>{{/hasIdentifiers}}
      </section>

      <section class="card" aria-labelledby="consents-heading" id="consents">
        <h2 id="consents-heading">{{t.customer_consents}}</h2>
        {{#canAct}}<p class="help">{{t.customer_consentsHelp}}</p>{{/canAct}}
        {{#consentErrors}}<p class="field-error" role="alert">{{.}}</p>{{/consentErrors}}
        <form method="post" action="/customers/{{customerID}}/consents">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <button type="submit" class="visually-hidden" disabled hidden aria-hidden="true" tabindex="-1"></button>
          <div class="table-scroll" role="region" aria-labelledby="consents-heading" tabindex="0">
          <table class="data-table">
            <thead><tr><th scope="col">{{t.col_purpose}}</th><th scope="col">{{t.col_status}}</th><th scope="col">{{t.col_since}}</th><th scope="col">{{t.col_channel}}</th><th scope="col">{{t.col_textVersion}}</th>{{#canAct}}<th scope="col">{{t.col_action}}</th>{{/canAct}}</tr></thead>
            <tbody>
            {{#consentRows}}<tr><th scope="row">{{purposeLabel}}</th><td><span class="status status-{{statusClass}}">{{statusLabel}}</span></td><td class="nowrap">{{consentSince}}</td><td>{{consentChannel}}</td><td>{{consentVersion}}</td>{{#canAct}}<td><button type="submit" name="action" value="{{actionValue}}" class="button button-small{{#actionIsWithdraw}} button-danger{{/actionIsWithdraw}}">{{actionLabel}}<span class="visually-hidden"> — {{purposeLabel}}</span></button></td>{{/canAct}}</tr>{{/consentRows}}
            </tbody>
          </table>
          </div>
          {{#canAct}}
          <div class="grid">
            {{#consentChannelField}}{{>select-field}}{{/consentChannelField}}
            {{#consentTextVersionField}}{{>text-field}}{{/consentTextVersionField}}
          </div>
          <div class="inline-fields">
            {{#consentRecipientField}}{{>text-field}}{{/consentRecipientField}}
            <button type="submit" name="action" value="grant:third_party_provision" class="button button-small">{{t.consent_grantThirdParty}}</button>
          </div>
          {{/canAct}}
        </form>
      </section>

      <section class="card" aria-labelledby="consent-history-heading">
        <h2 id="consent-history-heading">{{t.customer_consentHistory}}</h2>
        {{#hasConsentEvents}}
        <div class="table-scroll" role="region" aria-labelledby="consent-history-heading" tabindex="0">
        <table class="data-table">
          <thead><tr><th scope="col">{{t.col_when}}</th><th scope="col">{{t.col_purpose}}</th><th scope="col">{{t.col_status}}</th><th scope="col">{{t.col_channel}}</th><th scope="col">{{t.col_source}}</th><th scope="col">{{t.col_textVersion}}</th><th scope="col">{{t.col_recordedBy}}</th></tr></thead>
          <tbody>
          {{#consentEvents}}<tr><td class="nowrap">{{eventWhen}}</td><td>{{eventPurpose}}</td><td><span class="status status-{{eventStatusClass}}">{{eventStatus}}</span></td><td>{{eventChannel}}</td><td>{{eventSource}}</td><td>{{eventVersion}}</td><td>{{eventRecordedBy}}</td></tr>{{/consentEvents}}
          </tbody>
        </table>
        </div>
        {{/hasConsentEvents}}
        {{^hasConsentEvents}}<p class="muted">{{t.customer_noConsentHistory}}</p>{{/hasConsentEvents}}
      </section>

      <section class="card" aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading">{{t.customer_lifecycle}}</h2>
        <div class="table-scroll" role="region" aria-labelledby="lifecycle-heading" tabindex="0">
        <table class="data-table">
          <thead><tr><th scope="col">{{t.col_when}}</th><th scope="col">{{t.col_from}}</th><th scope="col">{{t.col_to}}</th><th scope="col">{{t.col_who}}</th><th scope="col">{{t.col_why}}</th></tr></thead>
          <tbody>
          {{#lifecycleRows}}<tr><td class="nowrap">{{lifeWhen}}</td><td>{{lifeFrom}}</td><td><span class="badge badge-{{lifeToStage}}">{{lifeTo}}</span></td><td>{{lifeWho}}</td><td>{{lifeWhy}}</td></tr>{{/lifecycleRows}}
          </tbody>
        </table>
        </div>
      </section>

      <section class="card" aria-labelledby="relationships-heading">
        <h2 id="relationships-heading">{{t.customer_relationships}}</h2>
        {{#hasRelationships}}
        <table class="data-table">
          <thead><tr><th scope="col">{{t.col_relation}}</th><th scope="col">{{t.col_name}}</th><th scope="col">{{t.col_title}}</th></tr></thead>
          <tbody>{{#relationshipRows}}<tr><td>{{relKind}}</td><td><a href="{{relURL}}">{{relName}}</a></td><td>{{relTitle}}</td></tr>{{/relationshipRows}}</tbody>
        </table>
        {{/hasRelationships}}
        {{^hasRelationships}}<p class="muted">{{t.customer_noRelationships}}</p>{{/hasRelationships}}
      </section>

      {{#hasMerges}}
      <section class="card" aria-labelledby="merges-heading">
        <h2 id="merges-heading">{{t.merge_title}}</h2>
        <p class="help">{{t.merge_help}}</p>
        <table class="data-table">
          <thead><tr><th scope="col">{{t.merge_when}}</th><th scope="col">{{t.merge_absorbed}}</th><th scope="col">{{t.merge_rule}}</th><th scope="col" class="numeric">{{t.col_probability}}</th><th scope="col"><span class="visually-hidden">{{t.merge_undo}}</span></th></tr></thead>
          <tbody>
          {{#mergeRows}}
          <tr>
            <td class="nowrap">{{mergeWhen}}</td><td><a href="{{mergeAbsorbedURL}}">{{t.merge_record}}</a></td><td>{{mergeRule}}</td>
            <td class="numeric">{{mergeProbability}}</td>
            <td>{{#mergeCanUndo}}<form method="post" action="/merges/{{mergeID}}/unmerge"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit" class="button">{{t.merge_undo}}</button></form>{{/mergeCanUndo}}{{mergeUndone}}</td>
          </tr>
          {{/mergeRows}}
          </tbody>
        </table>
      </section>
      {{/hasMerges}}
    </div>

    {{#canAct}}
    <aside class="customer-actions stack" aria-label="{{t.customer_actions}}">
      <section class="card" aria-labelledby="transition-heading">
        <h2 id="transition-heading">{{t.transition_title}}</h2>
        {{#transitionErrors}}<p class="field-error" role="alert">{{.}}</p>{{/transitionErrors}}
        <form method="post" action="/customers/{{customerID}}/transition" class="stack">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          {{#transitionStage}}{{>select-field}}{{/transitionStage}}
          {{#transitionReason}}{{>text-field}}{{/transitionReason}}
          <button type="submit" class="button button-primary">{{t.transition_submit}}</button>
        </form>
      </section>

      {{#activity}}
      <section class="card" aria-labelledby="interaction-heading" id="interaction">
        <h2 id="interaction-heading">{{t.interaction_title}}</h2>
        {{#interactionErrors}}<p class="field-error" role="alert">{{.}}</p>{{/interactionErrors}}
        <form method="post" action="/customers/{{customerID}}/interactions" class="stack">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          {{#interactionChannelField}}{{>select-field}}{{/interactionChannelField}}
          {{#interactionDirectionField}}{{>select-field}}{{/interactionDirectionField}}
          {{#interactionSubjectField}}{{>text-field}}{{/interactionSubjectField}}
          {{#interactionNotesField}}{{>text-area}}{{/interactionNotesField}}
          {{#interactionOutcomeField}}{{>text-field}}{{/interactionOutcomeField}}
          <button type="submit" class="button button-primary">{{t.interaction_submit}}</button>
        </form>
      </section>

      <section class="card" aria-labelledby="voc-heading" id="voc">
        <h2 id="voc-heading">{{t.voc_openTitle}}</h2>
        {{#vocErrors}}<p class="field-error" role="alert">{{.}}</p>{{/vocErrors}}
        <form method="post" action="/customers/{{customerID}}/voc" class="stack">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          {{#vocKindField}}{{>select-field}}{{/vocKindField}}
          {{#vocSeverityField}}{{>select-field}}{{/vocSeverityField}}
          {{#vocChannelField}}{{>select-field}}{{/vocChannelField}}
          {{#vocCategoryField}}{{>text-field}}{{/vocCategoryField}}
          {{#vocSubjectField}}{{>text-field}}{{/vocSubjectField}}
          {{#vocDescriptionField}}{{>text-area}}{{/vocDescriptionField}}
          <button type="submit" class="button button-primary">{{t.voc_submit}}</button>
        </form>
      </section>

      <section class="card" aria-labelledby="points-heading" id="points">
        <h2 id="points-heading">{{t.points_title}}</h2>
        <p>{{t.points_balance}}: <strong id="points-balance">{{pointsBalance}}</strong></p>
        {{#pointsErrors}}<p class="field-error" role="alert">{{.}}</p>{{/pointsErrors}}
        <form method="post" action="/customers/{{customerID}}/points" class="stack">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <input type="hidden" name="nonce" value="{{pointsNonce}}">
          {{#pointsAmountField}}{{>text-field}}{{/pointsAmountField}}
          {{#pointsReasonField}}{{>text-field}}{{/pointsReasonField}}
          <button type="submit" class="button button-primary">{{t.points_submit}}</button>
        </form>
      </section>
      {{/activity}}

      <section class="card" aria-labelledby="identifier-heading">
        <h2 id="identifier-heading">{{t.identifier_title}}</h2>
        {{#identifierErrors}}<p class="field-error" role="alert">{{.}}</p>{{/identifierErrors}}
        <form method="post" action="/customers/{{customerID}}/identifiers" class="stack">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          {{#identifierTypeField}}{{>select-field}}{{/identifierTypeField}}
          {{#identifierValueField}}{{>text-field}}{{/identifierValueField}}
          <label class="choice" for="identifier-verified"><input type="checkbox" id="identifier-verified" name="verified" value="1"{{#identifierVerified}} checked{{/identifierVerified}}> {{t.identifier_verified}}</label>
          <label class="choice" for="identifier-override"><input type="checkbox" id="identifier-override" name="overrideChecksum" value="1"{{#identifierOverride}} checked{{/identifierOverride}}> {{t.identifier_override}}</label>
          <button type="submit" class="button button-primary">{{t.identifier_submit}}</button>
        </form>
      </section>

      <section class="card card-danger" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{{t.delete_title}}</h2>
        <form method="post" action="/customers/{{customerID}}/delete" class="stack">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          {{#deleteReasonField}}{{>text-field}}{{/deleteReasonField}}
          <button type="submit" class="button button-danger">{{t.delete_submit}}</button>
        </form>
      </section>
    </aside>
    {{/canAct}}
    </div>
    {{/page}}{{/main}}{{/layout}}
    """)
}
