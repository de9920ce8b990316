<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddDepartmentDialog</name>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="23" />
        <source>新增部门</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="26" />
        <source>简称，如 市数据局</source>
        <translation>Short name, e.g. 市数据局</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="33" />
        <source>曾用名或俗称，以顿号分隔</source>
        <translation>Former or colloquial names, separated by 、</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="34" />
        <source>简称：</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="35" />
        <source>全称：</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="36" />
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="37" />
        <source>别名：</source>
        <translation>Aliases:</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="43" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="43" />
        <source>条目数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="44" />
        <source>被定为牵头次数</source>
        <translation>Times chosen as lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="44" />
        <source>一致率</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="50" />
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="71" />
        <source>正在计算一致性…</source>
        <translation>Computing agreement…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="79" />
        <source>至少需要两位审核人的分工才能计算一致性。</source>
        <translation>Agreement needs the assignments of at least two reviewers.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="84" />
        <source>审核人：%1；共同审核的条目：%2</source>
        <translation>Reviewers: %1; items both reviewed: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/agreement_view.py" line="106" />
        <source>导出一致性统计</source>
        <translation>Export agreement statistics</translation>
    </message>
</context>
<context>
    <name>AnnotationPane</name>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="78" />
        <source>回到整段</source>
        <translation>Whole clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="79" />
        <source>标注整段而不是所选句子（Esc）</source>
        <translation>Tag the whole clause, not the selected sentence (Esc)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="87" />
        <source>责任单位（牵头在前，配合在后）</source>
        <translation>Departments (leads first, then support)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="94" />
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="95" />
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="96" />
        <source>牵头/配合</source>
        <translation>Lead/support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="97" />
        <source>切换所选单位的角色</source>
        <translation>Switch the selected department's role</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="98" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="99" />
        <source>移除所选单位（Delete）</source>
        <translation>Remove the selected department (Delete)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="125" />
        <source>关联指标</source>
        <translation>Linked indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="132" />
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="147" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="151" />
        <source>未审</source>
        <translation>Unreviewed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="151" />
        <source>已审</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="151" />
        <source>有疑问</source>
        <translation>Questioned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="161" />
        <source>未设定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="161" />
        <source>年内完成</source>
        <translation>Within the year</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="161" />
        <source>持续推进</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="164" />
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="168" />
        <source>备注（停顿片刻或离开编辑框时自动保存）</source>
        <translation>Note (saved after a pause or when you leave the field)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="174" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="175" />
        <source>完成时限</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="176" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="179" />
        <source>印入任务分工方案“备注”栏，发给各部门（上面的备注只留在工作区）</source>
        <translation>Printed in the 备注 column of the task division plan sent to departments (the note above stays in the workspace)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="181" />
        <source>公开备注</source>
        <translation>Public remark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="211" />
        <source>未选择条目</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="215" />
        <source>标注对象：%1 的第 %2 句</source>
        <translation>Tagging: sentence %2 of %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="219" />
        <source>标注对象：</source>
        <translation>Tagging: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="232" />
        <source>本条未单独标注，继承自：%1</source>
        <translation>No tags of its own; inherits from: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="237" />
        <source>另有 %1 项按句标注（在阅读区点击句子查看）</source>
        <translation>%1 more tags on its sentences (click a sentence in the reader)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="291" />
        <source>最近使用（数字键＝牵头，Shift+数字＝配合，Alt+数字＝固定编号）：</source>
        <translation>Recent (number = lead, Shift+number = support, Alt+number = pin): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation_pane.py" line="292" />
        <source>（尚无）</source>
        <translation>(none yet)</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="74" />
        <source>请先选择一个条目</source>
        <translation>Select an item first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="95" />
        <source>最近使用列表中没有第 %1 个单位</source>
        <translation>There is no department %1 in the recent list</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="111" />
        <source>本条尚无牵头单位：请先指定牵头单位（数字键），再添加配合单位 %1</source>
        <translation>This item has no lead yet: assign a lead first (number keys), then add %1 as support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="114" />
        <source>%1 已是配合单位，未作改动</source>
        <translation>%1 already supports; nothing changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="117" />
        <source>%1 是本条的牵头单位，Shift+数字不改变牵头单位；未作改动</source>
        <translation>%1 leads this item; Shift+number never changes the lead; nothing changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="124" />
        <source>%1 由牵头改为配合单位</source>
        <translation>%1 changed from lead to support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="128" />
        <source>已添加配合单位 %1</source>
        <translation>Added %1 as support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="213" />
        <source>第 %1 号不再固定</source>
        <translation>Number %1 is no longer pinned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotator.py" line="228" />
        <source>%1 固定为第 %2 号</source>
        <translation>%1 pinned to number %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../workbench/app.py" line="108" />
        <source>无法打开工作区</source>
        <translation>Cannot open the workspace</translation>
    </message>
</context>
<context>
    <name>AssignmentList</name>
    <message>
        <location filename="../../workbench/ui/assignment_list.py" line="43" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/assignment_list.py" line="43" />
        <source>配合</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/assignment_list.py" line="44" />
        <source>（已撤销）</source>
        <translation> (retired)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../workbench/ui/audit_view.py" line="120" />
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit_view.py" line="122" />
        <source>至</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit_view.py" line="128" />
        <source>部门名称或别名</source>
        <translation>Department name or alias</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit_view.py" line="130" />
        <source>节点编号，如 ch03/s01</source>
        <translation>Node id, e.g. ch03/s01</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit_view.py" line="140" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit_view.py" line="163" />
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <location filename="../../workbench/ui/charts.py" line="149" />
        <source>有牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="150" />
        <source>继承牵头</source>
        <translation>Inherited lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="151" />
        <source>仅配合</source>
        <translation>Support only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="152" />
        <source>未标注</source>
        <translation>Untagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="154" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="154" />
        <source>配合</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="155" />
        <source>尚无单位标注</source>
        <translation>No departments assigned yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="156" />
        <source>没有章</source>
        <translation>No chapters</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="157" />
        <source>各章覆盖</source>
        <translation>Coverage by chapter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/charts.py" line="158" />
        <source>单位负荷</source>
        <translation>Department load</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../workbench/ui/commands.py" line="107" />
        <source>指定牵头单位 %1</source>
        <translation>Assign lead %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="107" />
        <source>添加配合单位 %1</source>
        <translation>Add support %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="116" />
        <source>移除单位 %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="125" />
        <source>调整单位顺序 %1</source>
        <translation>Reorder %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="134" />
        <source>设为牵头 %1</source>
        <translation>Make %1 lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="134" />
        <source>设为配合 %1</source>
        <translation>Make %1 support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="149" />
        <source>关联指标 %1</source>
        <translation>Link indicator %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="149" />
        <source>取消关联指标 %1</source>
        <translation>Unlink indicator %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="197" />
        <source>编辑备注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="220" />
        <source>编辑公开备注</source>
        <translation>Edit public remark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="232" />
        <source>设置审核状态</source>
        <translation>Set review status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/commands.py" line="245" />
        <source>设置完成时限</source>
        <translation>Set completion</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="37" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="37" />
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="37" />
        <source>分歧</source>
        <translation>Disagreement</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="38" />
        <source>A 方</source>
        <translation>Side A</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="38" />
        <source>B 方（当前显示）</source>
        <translation>Side B (shown now)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="39" />
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="47" />
        <source>裁决理由（可选）</source>
        <translation>Reason for the decision (optional)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="48" />
        <source>采用 A 方</source>
        <translation>Take side A</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="49" />
        <source>采用 B 方</source>
        <translation>Take side B</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/conflicts_view.py" line="99" />
        <source>无法裁决</source>
        <translation>Cannot resolve</translation>
    </message>
</context>
<context>
    <name>DepartmentPicker</name>
    <message>
        <location filename="../../workbench/ui/department_picker.py" line="64" />
        <source>单位名称或简称，如 教委</source>
        <translation>Department name or short name, e.g. 教委</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/department_picker.py" line="76" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/department_picker.py" line="77" />
        <source>添加为牵头单位（Enter）</source>
        <translation>Add as lead (Enter)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/department_picker.py" line="78" />
        <source>配合</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/department_picker.py" line="79" />
        <source>添加为配合单位（Shift+Enter）</source>
        <translation>Add as support (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/department_picker.py" line="109" />
        <source>又称 </source>
        <translation>also </translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="57" />
        <source>部门名录</source>
        <translation>Department registry</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="60" />
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="60" />
        <source>全称</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="60" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="60" />
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="61" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="69" />
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="69" />
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="70" />
        <source>撤销</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="70" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="76" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="89" />
        <source>已撤销</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="89" />
        <source>名称待核实</source>
        <translation>Name unconfirmed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="134" />
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/departments_dialog.py" line="134" />
        <source>新名称（原名称将作为别名保留）：</source>
        <translation>New name (the old name is kept as an alias):</translation>
    </message>
</context>
<context>
    <name>DivisionImportDialog</name>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="33" />
        <location filename="../../workbench/ui/division_dialog.py" line="89" />
        <location filename="../../workbench/ui/division_dialog.py" line="92" />
        <source>导入任务分工表</source>
        <translation>Import division sheet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="35" />
        <source>{file}：读取 {rows} 行，{n} 处修改将应用。</source>
        <translation>{file}: {rows} rows read, {n} change(s) will be applied.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="45" />
        <source>以下差异不会应用（原因见各行）：</source>
        <translation>These differences will not be applied (the reason is on each line):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="51" />
        <source>以下问题须在表格中改正后重新导入（不会自动新建部门）：</source>
        <translation>Correct these in the sheet and import it again (departments are never created by an import):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="56" />
        <source>修改记为（审核人）：</source>
        <translation>Record the changes as (reviewer):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="57" />
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="61" />
        <source>应用修改</source>
        <translation>Apply changes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="71" />
        <source>请填写审核人姓名。</source>
        <translation>Please enter the reviewer's name.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/division_dialog.py" line="92" />
        <source>表格与工作区一致，没有需要应用的修改。</source>
        <translation>The sheet matches the workspace; there is nothing to apply.</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="34" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="34" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="35" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="35" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="36" />
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="36" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="37" />
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="37" />
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/event_table.py" line="38" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="35" />
        <location filename="../../workbench/ui/export_dialog.py" line="236" />
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="46" />
        <source>规划：</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="49" />
        <source>导出内容</source>
        <translation>What to export</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="51" />
        <source>一个工作簿，包含所选工作表</source>
        <translation>One workbook with the chosen sheets</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="52" />
        <source>每个部门一个工作簿（发给各部门联络员）</source>
        <translation>One workbook per department (for the departments' liaisons)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="68" />
        <source>部门（工作簿只含涉及所选部门的任务；或为所选部门各出一个工作簿）：</source>
        <translation>Departments (the workbook holds only tasks involving these; or one workbook for each):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="74" />
        <source>范围（章）</source>
        <translation>Scope (chapters)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="80" />
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="80" />
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="88" />
        <source>打印版式（任务分工方案）</source>
        <translation>Print layout (task division plan)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="91" />
        <source>A4 横向</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="92" />
        <source>A3 横向</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="94" />
        <source>全文连续编号</source>
        <translation>Numbered through the plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="95" />
        <source>每章重新编号</source>
        <translation>Numbering restarts per chapter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="97" />
        <source>如“附件”或“附件2”，不填则不印</source>
        <translation>e.g. 附件 or 附件2; leave empty to print none</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="98" />
        <source>同时生成 Word 版方案（.docx，与工作簿同名）</source>
        <translation>Also write the plan as Word (.docx, same name as the workbook)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="99" />
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="100" />
        <source>序号：</source>
        <translation>Numbering:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="101" />
        <source>附件标注：</source>
        <translation>Attachment line:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="107" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="109" />
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="117" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="182" />
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="183" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="185" />
        <source>导出到文件夹</source>
        <translation>Export into folder</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="234" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export_dialog.py" line="237" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../workbench/ui/history_tab.py" line="49" />
        <source>未选择节点</source>
        <translation>No item selected</translation>
    </message>
</context>
<context>
    <name>IndicatorPicker</name>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="53" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="53" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="53" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="53" />
        <source>2025年</source>
        <translation>2025</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="53" />
        <source>2030年</source>
        <translation>2030</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="53" />
        <source>属性</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="61" />
        <source>选择或输入指标名称</source>
        <translation>Choose or type an indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="75" />
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_picker.py" line="76" />
        <source>把所选指标关联到当前条目</source>
        <translation>Link the chosen indicator to the current item</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="32" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="32" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="33" />
        <source>责任单位</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="33" />
        <source>关联条目</source>
        <translation>Linked items</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="34" />
        <source>2025年</source>
        <translation>2025</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="34" />
        <source>2030年</source>
        <translation>2030</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="35" />
        <source>属性</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="35" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/indicator_view.py" line="66" />
        <source>（牵头）</source>
        <translation> (lead)</translation>
    </message>
</context>
<context>
    <name>Integrations</name>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="38" />
        <source>合并冲突</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="43" />
        <source>审核一致性</source>
        <translation>Reviewer agreement</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="47" />
        <source>标注</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="48" />
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="52" />
        <source>导入任务分工表(&amp;D)…</source>
        <translation>Import &amp;division sheet…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="60" />
        <source>部门名录(&amp;G)…</source>
        <translation>Department re&amp;gistry…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="101" />
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="101" />
        <source>工作区中还没有规划。</source>
        <translation>The workspace holds no plan yet.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="109" />
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="123" />
        <source>导入任务分工表</source>
        <translation>Import division sheet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="123" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="129" />
        <source>已应用 {n} 条修改</source>
        <translation>Applied {n} change(s)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="145" />
        <source>合并其他审核人的工作区</source>
        <translation>Merge another reviewer's workspace</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="146" />
        <source>工作区 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Workspace (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="153" />
        <source>无法合并</source>
        <translation>Cannot merge</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="157" />
        <source>合并了 {n} 条记录；待处理冲突 {c} 个。</source>
        <translation>Merged {n} event(s); {c} conflict(s) to resolve.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="159" />
        <source>该工作区的记录已全部在本工作区中，没有变化。</source>
        <translation>This workspace already holds all of that workspace's events; nothing changed.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/integrations.py" line="160" />
        <source>合并完成</source>
        <translation>Merge finished</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="79" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="81" />
        <source>导入规划(&amp;I)…</source>
        <translation>&amp;Import plan…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="82" />
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="83" />
        <source>导出为 Excel：导出模块尚未安装</source>
        <translation>Export to Excel: the export module is not installed yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="84" />
        <source>合并(&amp;M)…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="84" />
        <source>合并其他审核人的工作区：合并模块尚未安装</source>
        <translation>Merge another reviewer's workspace: the merge module is not installed yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="86" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="87" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="89" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="90" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="92" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="100" />
        <source>移除所选单位</source>
        <translation>Remove selected department</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="101" />
        <source>搜索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="103" />
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="104" />
        <source>下一条款</source>
        <translation>Next clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="105" />
        <source>上一条款</source>
        <translation>Previous clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="106" />
        <location filename="../../workbench/ui/main_actions.py" line="179" />
        <source>下一未标注条款</source>
        <translation>Next untagged clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="108" />
        <source>下一句</source>
        <translation>Next sentence</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="109" />
        <source>上一句</source>
        <translation>Previous sentence</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="110" />
        <location filename="../../workbench/ui/main_actions.py" line="181" />
        <source>回到整段</source>
        <translation>Whole clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="117" />
        <source>标注(&amp;T)</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="118" />
        <source>选择单位…</source>
        <translation>Choose department…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="119" />
        <source>采用第一个牵头建议</source>
        <translation>Take the first lead suggestion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="121" />
        <source>采用第一个配合建议</source>
        <translation>Add the first support suggestion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="123" />
        <source>标为已审 / 取消</source>
        <translation>Mark reviewed / unmark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="124" />
        <source>标为有疑问 / 取消</source>
        <translation>Mark questioned / unmark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="125" />
        <source>最近使用单位 → 牵头</source>
        <translation>Recent department → lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="126" />
        <source>最近使用单位 → 配合</source>
        <translation>Recent department → support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="128" />
        <location filename="../../workbench/ui/main_actions.py" line="130" />
        <source>第 %1 个</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="133" />
        <source>把所选单位固定到编号</source>
        <translation>Pin the selected department to a number</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="135" />
        <source>第 %1 号</source>
        <translation>Number %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="138" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="142" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="142" />
        <source>审计日志：审计模块尚未安装</source>
        <translation>Audit log: the audit module is not installed yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="144" />
        <source>恢复默认布局</source>
        <translation>Restore default layout</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="146" />
        <source>审核人(&amp;R)</source>
        <translation>&amp;Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="147" />
        <source>更改审核人…</source>
        <translation>Change reviewer…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="149" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="150" />
        <location filename="../../workbench/ui/main_actions.py" line="195" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="158" />
        <source>请先在标注区选择要固定编号的单位</source>
        <translation>First select the department to pin in the annotation pane</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="178" />
        <source>下一条款 / 上一条款（阅读区中也可用 ↓ / ↑）</source>
        <translation>Next / previous clause (↓ / ↑ in the reader too)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="180" />
        <source>下一句 / 上一句（只标注该句）</source>
        <translation>Next / previous sentence (tags go to that sentence)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="182" />
        <source>把最近使用的第 n 个单位设为牵头</source>
        <translation>Assign the n-th recent department as lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="183" />
        <source>把最近使用的第 n 个单位添加为配合（不改变牵头单位）</source>
        <translation>Add the department numbered n as support (never changes the lead)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="184" />
        <source>把所选单位固定到第 n 号</source>
        <translation>Pin the selected department to number n</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="185" />
        <source>采用第一个牵头建议 / 添加第一个配合建议</source>
        <translation>Take the first lead suggestion / add the first support suggestion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="186" />
        <source>单位选择框：输入、↓ 选择、Enter 牵头、Shift+Enter 配合</source>
        <translation>Department picker: type, ↓ to choose, Enter = lead, Shift+Enter = support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="187" />
        <source>已审 / 有疑问</source>
        <translation>Reviewed / questioned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="188" />
        <source>移除所选单位或指标</source>
        <translation>Remove the selected department or indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="189" />
        <source>撤销 / 重做</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="190" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_actions.py" line="191" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="77" />
        <location filename="../../workbench/ui/background.py" line="127" />
        <location filename="../../workbench/ui/main_actions.py" line="192" />
        <source>导入规划</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="52" />
        <source>分词初始化失败：%1</source>
        <translation>Word segmentation failed to start: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="71" />
        <source>搜索索引未能建立：%1</source>
        <translation>Search index could not be built: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="77" />
        <source>规划文件 (*.txt *.docx *.md);;所有文件 (*)</source>
        <translation>Plan documents (*.txt *.docx *.md);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="89" />
        <source>正在读取和解析 %1…</source>
        <translation>Reading and parsing %1…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="93" />
        <source>解析完成，正在写入工作区…</source>
        <translation>Parsed; writing to the workspace…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="113" />
        <location filename="../../workbench/ui/background.py" line="128" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="121" />
        <source>该规划已在工作区中，未作改动</source>
        <translation>This plan is already in the workspace; nothing changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="123" />
        <source>已导入：%1</source>
        <translation>Imported: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="127" />
        <source>正在导入 %1…</source>
        <translation>Importing %1…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="86" />
        <source>规划结构</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="87" />
        <source>标注</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="88" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="89" />
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="90" />
        <source>统计图</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="217" />
        <source>已经是最后一条</source>
        <translation>This is the last clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="217" />
        <source>已经是第一条</source>
        <translation>This is the first clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="227" />
        <source>所有条款都已标注</source>
        <translation>Every clause is tagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="267" />
        <source>请先在标注区选择要移除的单位</source>
        <translation>Select the department to remove in the tag pane first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="281" />
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="286" />
        <source>撤销失败</source>
        <translation>Undo failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="286" />
        <source>撤销或重做未能写入工作区，撤销记录已清空；已保存的标注不受影响。
%1</source>
        <translation>An undo or redo could not be written to the workspace; the undo history was cleared. Saved tags are not affected.
%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="290" />
        <source>规划纲要任务分工审核工作台</source>
        <translation>Policy review workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="307" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="196" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="196" />
        <source>标注</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="255" />
        <source>继承</source>
        <translation>inherited</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="276" />
        <source>（按句标注）</source>
        <translation>(tagged by sentence)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="278" />
        <source>牵头：</source>
        <translation>Lead: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="280" />
        <source>配合：</source>
        <translation>Support: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="284" />
        <source>继承自 %1：%2</source>
        <translation>Inherited from %1: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="286" />
        <source>未标注</source>
        <translation>Untagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="288" />
        <source>有疑问</source>
        <translation>Questioned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/plan_tree_model.py" line="292" />
        <source>%1/%2 条已有牵头单位</source>
        <translation>%1 of %2 clauses have a lead</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../workbench/ui/reader.py" line="169" />
        <source>在左侧选择一个条目。</source>
        <translation>Choose an item on the left.</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <location filename="../../workbench/ui/reviewer_dialog.py" line="34" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reviewer_dialog.py" line="37" />
        <source>首次使用，请填写您的姓名和单位。每一项标注都会记录审核人。</source>
        <translation>First start: please enter your name and unit. Every tag records who made it.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reviewer_dialog.py" line="38" />
        <source>修改审核人。之后的每一项标注都会记录新的审核人。</source>
        <translation>Change the reviewer. Tags from now on record the new reviewer.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reviewer_dialog.py" line="43" />
        <source>例如：张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reviewer_dialog.py" line="46" />
        <source>例如：市发展改革委规划处</source>
        <translation>e.g. Planning Division, Municipal DRC</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reviewer_dialog.py" line="48" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reviewer_dialog.py" line="49" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../workbench/ui/search_panel.py" line="74" />
        <source>搜索全部规划（如 港口、财政；空格分隔多个词）</source>
        <translation>Search all plans (e.g. 港口, 财政; separate words with spaces)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/search_panel.py" line="144" />
        <source>%1 条结果（%2 毫秒）</source>
        <translation>%1 results (%2 ms)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../workbench/ui/settings_dialog.py" line="15" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_dialog.py" line="21" />
        <source>界面语言在重新启动后生效。</source>
        <translation>The interface language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_dialog.py" line="24" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="37" />
        <source>审核人：未设置</source>
        <translation>Reviewer: not set</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="40" />
        <source>审核人：%1</source>
        <translation>Reviewer: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="46" />
        <source>条款 %1 · 有牵头 %2 · 已审 %3 · 有疑问 %4</source>
        <translation>Clauses %1 · with lead %2 · reviewed %3 · questioned %4</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="52" />
        <source>分词：就绪</source>
        <translation>Segmenter: ready</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="52" />
        <source>分词：加载中…</source>
        <translation>Segmenter: loading…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="55" />
        <source>搜索索引：就绪</source>
        <translation>Search index: ready</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="55" />
        <source>搜索索引：建立中…</source>
        <translation>Search index: building…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/status_bar.py" line="59" />
        <source>可撤销：%1</source>
        <translation>Undo: %1</translation>
    </message>
</context>
<context>
    <name>TreePanel</name>
    <message>
        <location filename="../../workbench/ui/tree_panel.py" line="26" />
        <source>筛选：标题或正文包含…</source>
        <translation>Filter: title or text contains…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree_panel.py" line="28" />
        <source>仅未标注</source>
        <translation>Untagged only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree_panel.py" line="30" />
        <source>只显示尚无单位（自身、句子或上级均无）的条款</source>
        <translation>Show only clauses without departments (none of their own, on sentences or inherited)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree_panel.py" line="82" />
        <source>全部单位</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree_panel.py" line="85" />
        <source>全部指标</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree_panel.py" line="86" />
        <source>全部章</source>
        <translation>All chapters</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../workbench/ui/workers.py" line="139" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>