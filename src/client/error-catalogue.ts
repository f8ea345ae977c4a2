/*
 * Texts for every error a flow can see. `en` of the numeric codes is the wording of the
 * Northbound Interface V7 reference, chapter 11, so users can search the vendor document for it;
 * the per-interface tables of chapter 9 sometimes word the same code differently.
 * Solutions of 20607-20620 follow chapter 12; the others are practical advice.
 */

export type Locale = 'en-us' | 'zh-cn';

export interface CatalogueEntry {
  en: string;
  zh: string;
  solutionEn?: string;
  solutionZh?: string;
  /** What differs on the V6 interface (/thirdData/), e.g. advice naming its own field names. */
  v6?: Partial<Omit<CatalogueEntry, 'v6'>>;
}

export type Interface = 'v7' | 'v6';

/** The interface an endpoint belongs to: V6 paths sit under thirdData/. */
export function interfaceOf(endpoint: string | undefined): Interface {
  return endpoint !== undefined && /^\/?thirdData\//.test(endpoint) ? 'v6' : 'v7';
}

export const ERROR_CATALOGUE: Readonly<Record<string, CatalogueEntry>> = Object.freeze({
  // ---- Chapter 11: failCode values of the JSON envelope -------------------------------
  '20001': {
    en: 'The third-party system ID does not exist.',
    zh: '第三方系统ID不存在。',
    solutionEn:
      'Check the northbound username; the account may have been deleted. Ask the company ' +
      'administrator to check it under Northbound Management.',
    solutionZh: '检查北向用户名，该账号可能已被删除。请联系公司管理员在“北向管理”中确认。',
  },
  '20002': {
    en: 'The third-party system is forbidden.',
    zh: '第三方系统已被禁用。',
    solutionEn: 'The northbound account is disabled. Ask the administrator to enable it under Northbound Management.',
    solutionZh: '北向账号已被禁用，请联系管理员在“北向管理”中启用。',
  },
  '20003': {
    en: 'The third-party system has expired.',
    zh: '第三方系统已过期。',
    solutionEn:
      "The northbound account's deadline has passed. Ask the administrator to extend it under Northbound Management.",
    solutionZh: '北向账号已超过截止日期，请联系管理员在“北向管理”中延长有效期。',
  },
  '20004': {
    en: 'The server is abnormal.',
    zh: '服务器异常。',
    solutionEn: 'Server-side error. Retry later; if it persists, contact Huawei technical support.',
    solutionZh: '服务器端错误，请稍后重试；若持续出现，请联系华为技术支持。',
  },
  '20005': {
    en: 'The device ID cannot be empty.',
    zh: '设备ID不能为空。',
    solutionEn: 'Provide at least one device ID (dn).',
    solutionZh: '请至少提供一个设备ID（dn）。',
    // V6 device calls name devices by devIds, or by sns instead.
    v6: {
      solutionEn: 'Provide at least one device ID (devIds) or device SN (sns).',
      solutionZh: '请至少提供一个设备ID（devIds）或设备SN（sns）。',
    },
  },
  '20006': {
    en: 'Some devices do not match the device type.',
    zh: '部分设备与设备类型不匹配。',
    solutionEn: 'Make sure every device ID belongs to the requested device type; check it with the device list.',
    solutionZh: '确保每个设备ID都属于所请求的设备类型，可通过设备列表核对。',
  },
  '20007': {
    en: 'The system does not have the desired power plant resources.',
    zh: '系统中没有所需的电站资源。',
    solutionEn:
      'Check the plant codes. The plants must be bound to this northbound account (Northbound ' +
      'Management > Plant list).',
    solutionZh: '检查电站编码。这些电站必须已绑定到该北向账号（北向管理 > 电站列表）。',
  },
  '20008': {
    en: 'The system does not have the desired device resources.',
    zh: '系统中没有所需的设备资源。',
    solutionEn: 'Check the device IDs. The devices must be bound to this northbound account.',
    solutionZh: '检查设备ID。这些设备必须已绑定到该北向账号。',
  },
  '20009': {
    en: 'Queried KPIs are not configured in the system.',
    zh: '所查询的指标未在系统中配置。',
    solutionEn: 'Query only KPIs the system provides for this plant or device type.',
    solutionZh: '只查询系统为该电站或设备类型提供的指标。',
  },
  '20010': {
    en: 'The plant list cannot be empty.',
    zh: '电站列表不能为空。',
    solutionEn: 'Provide at least one plant code.',
    solutionZh: '请至少提供一个电站编码。',
  },
  '20011': {
    en: 'The device list cannot be empty.',
    zh: '设备列表不能为空。',
    solutionEn: 'Provide at least one device ID.',
    solutionZh: '请至少提供一个设备ID。',
  },
  '20012': {
    en: 'The query time cannot be empty.',
    zh: '查询时间不能为空。',
    solutionEn: 'Provide the query time.',
    solutionZh: '请提供查询时间。',
  },
  '20013': {
    en: 'The device type is incorrect. The interface does not support operations on some devices.',
    zh: '设备类型不正确，该接口不支持对部分设备进行操作。',
    solutionEn:
      'Send only device types the interface supports (e.g. inverters for power-on/off, batteries for DoD setting).',
    solutionZh: '只发送该接口支持的设备类型（例如开关机仅支持逆变器，DoD设置仅支持电池）。',
  },
  '20014': {
    en: 'A maximum of 100 plants can be queried at a time.',
    zh: '每次最多可查询100个电站。',
    solutionEn: 'Send at most 100 plant codes per call; split longer lists.',
    solutionZh: '每次调用最多发送100个电站编码，更多电站请分批发送。',
  },
  '20015': {
    en: 'A maximum of 100 plants can be queried at a time.',
    zh: '每次最多可查询100个电站。',
    solutionEn: 'Send at most 100 plant codes per call; split longer lists.',
    solutionZh: '每次调用最多发送100个电站编码，更多电站请分批发送。',
  },
  '20056': {
    en: 'The resource is not authorised by the owner.',
    zh: '资源未经业主授权。',
    solutionEn: 'Ask the plant owner or installer to authorise the plants for the northbound account.',
    solutionZh: '请联系电站业主或安装商为北向账号授权这些电站。',
  },
  '20016': {
    en: 'A maximum of 100 devices can be queried at a time.',
    zh: '每次最多可查询100个设备。',
    solutionEn: 'Send at most 100 device IDs per call; split longer lists.',
    solutionZh: '每次调用最多发送100个设备ID，更多设备请分批发送。',
  },
  '20017': {
    en: 'A maximum of 100 devices can be queried at a time.',
    zh: '每次最多可查询100个设备。',
    solutionEn: 'Send at most 100 device IDs per call; split longer lists.',
    solutionZh: '每次调用最多发送100个设备ID，更多设备请分批发送。',
  },
  '20018': {
    en: 'A maximum of 10 devices can be operated at a time.',
    zh: '每次最多可操作10个设备。',
    solutionEn: 'Send at most 10 devices per command; split larger batches.',
    solutionZh: '每条命令最多操作10个设备，更多设备请分批操作。',
  },
  '20019': {
    en: 'The switch type is incorrect. 1 and 2 indicate switch-on and switch-off respectively.',
    zh: '开关类型不正确，1表示开机，2表示关机。',
    solutionEn: 'Set controlType to 1 (on) or 2 (off).',
    solutionZh: '将controlType设置为1（开机）或2（关机）。',
  },
  '20020': {
    en: 'The upgrade package corresponding to the device version cannot be found.',
    zh: '找不到与设备版本对应的升级包。',
    solutionEn: 'Upload the upgrade package for this device version to the management system first.',
    solutionZh: '请先向管理系统上传与该设备版本对应的升级包。',
  },
  '20021': {
    en: 'The upgrade file does not exist.',
    zh: '升级文件不存在。',
    solutionEn: 'Check that the upgrade file has been uploaded to the management system.',
    solutionZh: '请检查升级文件是否已上传到管理系统。',
  },
  '20022': {
    en: 'The upgrade records of the devices in the system are not found.',
    zh: '系统中未找到这些设备的升级记录。',
    solutionEn: 'Check the device IDs; no upgrade has been recorded for these devices.',
    solutionZh: '检查设备ID，这些设备没有升级记录。',
  },
  '305': {
    en: 'You are not in the login state. You need to log in again.',
    zh: '您未处于登录状态，需要重新登录。',
    solutionEn:
      'Log in again; the client does this automatically once. The session ends after 30 minutes idle ' +
      'or when the same account logs in elsewhere.',
    solutionZh: '请重新登录，客户端会自动重新登录一次。会话空闲30分钟后失效，同一账号在别处登录也会使其失效。',
  },
  '401': {
    en: 'You do not have the related data interface permission.',
    zh: '您没有相关数据接口的权限。',
    solutionEn:
      'Ask the administrator to select this interface for the northbound account under Northbound Management.',
    solutionZh: '请联系管理员在“北向管理”中为该北向账号勾选此接口。',
  },
  '407': {
    en: 'The interface access frequency is too high.',
    zh: '接口访问频率过高。',
    solutionEn:
      "The account's quota for this interface is used up. Wait for the quota window to pass (see the " +
      "interface's access restrictions) and call it less often.",
    solutionZh: '该账号对此接口的调用配额已用完。请等待配额周期结束（见接口的访问限制），并降低调用频率。',
  },
  '20023': {
    en: 'The query start time cannot be later than the query end time.',
    zh: '查询开始时间不能晚于查询结束时间。',
    solutionEn: 'Make the start time earlier than the end time.',
    solutionZh: '请使开始时间早于结束时间。',
  },
  '20024': {
    en: 'The language cannot be empty.',
    zh: '语言不能为空。',
    solutionEn: 'Set the language parameter.',
    solutionZh: '请设置语言参数。',
  },
  '20025': {
    en: 'The language parameter value is incorrect.',
    zh: '语言参数值不正确。',
    solutionEn: 'Use a supported language value.',
    solutionZh: '请使用支持的语言值。',
  },
  '20026': {
    en: 'Only data of the latest 365 days can be queried.',
    zh: '只能查询最近365天的数据。',
    solutionEn: 'Choose a query time within the last 365 days.',
    solutionZh: '请选择最近365天内的查询时间。',
  },
  '20027': {
    en: 'The query time period cannot span more than 31 days.',
    zh: '查询时间段不能超过31天。',
    solutionEn: 'Split the period into ranges of at most 31 days.',
    solutionZh: '请将时间段拆分为每段不超过31天。',
  },
  '20028': {
    en: 'The system does not have related user information.',
    zh: '系统中没有相关的用户信息。',
    solutionEn:
      'Check the account (username, email address or phone number) sent in the request; it does not ' +
      'exist in the system.',
    solutionZh: '检查请求中的账号（用户名、邮箱或手机号），该用户在系统中不存在。',
  },
  '20030': {
    en: 'Failed to create the I-V curve diagnosis task.',
    zh: '创建I-V曲线诊断任务失败。',
    solutionEn:
      'The irradiance may be too low for a diagnosis. Retry in good sunlight (module plane ' +
      'irradiance at least 600 W/m²) and check that the inverters support I-V scanning.',
    solutionZh: '辐照度可能不满足诊断要求。请在光照充足时重试（组件面辐照度不低于600 W/m²），并确认逆变器支持I-V扫描。',
  },
  '20034': {
    en: 'The task does not exist.',
    zh: '任务不存在。',
    solutionEn: 'Check the task ID.',
    solutionZh: '请检查任务ID。',
  },
  '20035': {
    en: 'MPPT devices do not support backfeed current.',
    zh: 'MPPT设备不支持反灌电流。',
    solutionEn: 'Remove these MPPTs from the request.',
    solutionZh: '请将这些MPPT从请求中移除。',
  },
  '20036': {
    en: 'The backfeed current duration of the MPPT device exceeds the maximum limit.',
    zh: 'MPPT设备的反灌电流持续时间超过最大限制。',
    solutionEn: 'Shorten the backfeed current duration.',
    solutionZh: '请缩短反灌电流持续时间。',
  },
  '20037': {
    en: 'The backfeed current of the MPPT device is out of range. The allowed value is (0, 15].',
    zh: 'MPPT设备的反灌电流超出范围，允许值为(0, 15]。',
    solutionEn: 'Use a backfeed current greater than 0 and at most 15.',
    solutionZh: '请使用大于0且不超过15的反灌电流。',
  },
  '20038': {
    en:
      'In the input parameters, the authorization code list is empty (null), or the number of ' +
      'authorization codes is out of range. The allowed range is [0, 1000].',
    zh: '输入参数中的授权码列表为空（null），或授权码数量超出范围，允许范围为[0, 1000]。',
    solutionEn: 'Send between 1 and 1000 authorization codes per call.',
    solutionZh: '每次调用请发送1至1000个授权码。',
  },
  '20039': {
    en: 'In the input parameters, the DOD value is out of range. The allowed range is [0, 100].',
    zh: '输入参数中的DOD值超出范围，允许范围为[0, 100]。',
    solutionEn: 'Set dod between 0 and 100.',
    solutionZh: '请将dod设置在0至100之间。',
  },
  '20040': {
    en: 'The charge/discharge switch parameter value is invalid.',
    zh: '充放电开关参数值无效。',
    solutionEn: 'Set dispatchSwitch to 0 (stop), 1 (forced charge) or 2 (forced discharge).',
    solutionZh: '将dispatchSwitch设置为0（停止）、1（强制充电）或2（强制放电）。',
  },
  '20041': {
    en: 'The control type cannot be empty for forced charge and discharge.',
    zh: '强制充放电时控制类型不能为空。',
    solutionEn: 'Set controlType to 1 (SOC control) or 2 (duration control).',
    solutionZh: '将controlType设置为1（SOC控制）或2（时长控制）。',
  },
  '20042': {
    en: 'The target SOC for charge/discharge is empty or invalid.',
    zh: '充放电目标SOC为空或无效。',
    solutionEn:
      'For SOC control, set targetSOC to a percentage between 0 and 100. LG batteries do not support SOC control.',
    solutionZh: 'SOC控制时，请将targetSOC设置为0至100之间的百分比。LG电池不支持SOC控制。',
  },
  '20043': {
    en: 'The charge/discharge duration is empty or invalid.',
    zh: '充放电时长为空或无效。',
    solutionEn: 'For duration control, set dispatchTime in minutes, from 0 to 1440.',
    solutionZh: '时长控制时，请将dispatchTime设置为0至1440分钟。',
  },
  '20044': {
    en: 'The unique ID of a charge/discharge task cannot be empty.',
    zh: '充放电任务的唯一ID不能为空。',
    solutionEn: 'Set requestID.',
    solutionZh: '请设置requestID。',
  },
  '20045': {
    en: 'Unauthorized PV plants exist in the input parameters.',
    zh: '输入参数中存在未授权的光伏电站。',
    solutionEn:
      'Remove the plants this account is not authorized for, or ask the administrator to bind them to the account.',
    solutionZh: '请移除该账号无权限的电站，或联系管理员将其绑定到该账号。',
  },
  // Chapter 11 repeats the 20045 text; the DoD (9.3.6) and power-on/off (9.3.7) tables say "Unauthorized devices".
  '20046': {
    en: 'Unauthorized PV plants exist in the input parameters.',
    zh: '输入参数中存在未授权的光伏电站。',
    solutionEn:
      'Remove the plants or devices this account is not authorized for, or ask the administrator to ' +
      'bind them to the account.',
    solutionZh: '请移除该账号无权限的电站或设备，或联系管理员将其绑定到该账号。',
  },
  '20047': {
    en: 'The forced charge/discharge power in the input parameters is invalid.',
    zh: '输入参数中的强制充放电功率无效。',
    solutionEn:
      'powerDispatch is in watts: greater than 0 for charging, less than 0 for discharging. Leave it ' +
      'out to use the default power.',
    solutionZh: 'powerDispatch单位为瓦：充电时大于0，放电时小于0。不填则使用默认功率。',
  },
  '20048': {
    en: 'Duplicate charging and discharging task ID.',
    zh: '充放电任务ID重复。',
    solutionEn: 'Use a new unique requestID for every task.',
    solutionZh: '每个任务请使用新的唯一requestID。',
  },
  '20049': {
    en: 'Failed to deliver the charging and discharging task.',
    zh: '充放电任务下发失败。',
    solutionEn:
      'Check that the devices of the plant are online and that no earlier task is still running ' +
      'there before trying again.',
    solutionZh: '请确认电站设备在线且没有仍在执行的任务后再重试。',
  },
  '20050': {
    en: 'The charging and discharging task query parameter does not exist.',
    zh: '充放电任务查询参数不存在。',
    solutionEn: 'Check the requestID; it must be the ID of a delivered task.',
    solutionZh: '请检查requestID，它必须是已下发任务的ID。',
  },
  '20051': {
    en: 'Failed to set the battery DOD.',
    zh: '电池DOD设置失败。',
    solutionEn:
      'Check that the batteries are online and that the DoD suits the battery (end-of-discharge SOC ' +
      '= 100 - DoD: 0-20 % for Huawei, 12-20 % for LG).',
    solutionZh: '请确认电池在线，且DoD与电池型号匹配（放电截止SOC = 100 - DoD：华为电池为0-20%，LG电池为12-20%）。',
  },
  '20055': {
    en: 'The plant list and device list parameters cannot be empty at the same time.',
    zh: '电站列表和设备列表参数不能同时为空。',
    solutionEn: 'Provide plant codes or device IDs.',
    solutionZh: '请提供电站编码或设备ID。',
  },
  '20116': {
    en:
      'The inverter control parameter is incorrect. (The number of PV plants is greater than 100 ' +
      'or equal to 0, or the total number of inverters in the PV plants is greater than 200 or equal to 0.)',
    zh: '逆变器控制参数不正确。（光伏电站数量大于100或等于0，或光伏电站中的逆变器总数大于200或等于0。）',
    solutionEn: 'Send 1 to 100 plants with 1 to 200 inverters in total per call.',
    solutionZh: '每次调用请发送1至100个电站，且逆变器总数为1至200台。',
  },
  '20200': {
    en: 'The system is busy. Try again later.',
    zh: '系统繁忙，请稍后重试。',
    solutionEn: 'Wait a minute and retry.',
    solutionZh: '请等待一分钟后重试。',
  },
  '20400': {
    en:
      'The username or password of the third-party system is incorrect. The user is locked. The ' +
      'password has expired. The number of online sessions reaches the upper limit.',
    zh: '第三方系统的用户名或密码不正确、用户已被锁定、密码已过期，或在线会话数已达上限。',
    solutionEn:
      'Check the username and password. Five wrong passwords within 10 minutes lock the account for ' +
      '30 minutes, so do not retry blindly. Change an expired password in the management system; if ' +
      'too many sessions are open, wait for idle ones to time out (30 minutes).',
    solutionZh:
      '请检查用户名和密码。10分钟内连续5次密码错误会锁定账号30分钟，请勿盲目重试。密码过期请在管理系统中修改；会话数已满时请等待空闲会话超时（30分钟）。',
  },
  '20403': {
    en: 'The login of the third-party system user is restricted.',
    zh: '第三方系统用户的登录受限。',
    solutionEn: 'Ask the administrator to check the status and login restrictions of the northbound account.',
    solutionZh: '请联系管理员检查该北向账号的状态和登录限制。',
  },
  '20604': {
    en: 'The time parameter is incorrect. The start time cannot be later than or equal to the end time.',
    zh: '时间参数不正确，开始时间不能晚于或等于结束时间。',
    solutionEn: 'Make the start time earlier than the end time.',
    solutionZh: '请使开始时间早于结束时间。',
  },
  '20605': {
    en: 'The time parameter is incorrect. The time parameter contains a negative value.',
    zh: '时间参数不正确，时间参数包含负值。',
    solutionEn: 'Use non-negative times.',
    solutionZh: '请使用非负的时间值。',
  },
  '20606': {
    en:
      'If only the start time is entered and the end time is empty, the start time cannot be later ' +
      'than or equal to the current time.',
    zh: '如果只输入开始时间而结束时间为空，开始时间不能晚于或等于当前时间。',
    solutionEn: 'Use a start time in the past, or also give an end time.',
    solutionZh: '请使用早于当前的开始时间，或同时提供结束时间。',
  },
  '20607': {
    en: 'The task list is empty.',
    zh: '任务列表为空。',
    solutionEn: 'Add the task list to the request parameters of the interface.',
    solutionZh: '请在接口的请求参数中添加任务列表。',
  },
  '20608': {
    en: 'Duplicate plant IDs exist in the input parameters.',
    zh: '输入参数中存在重复的电站ID。',
    solutionEn: 'Delete the duplicate plant IDs from the request parameters of the interface.',
    solutionZh: '请从接口的请求参数中删除重复的电站ID。',
  },
  '20609': {
    en: 'The plant networking is abnormal.',
    zh: '电站组网异常。',
    solutionEn: 'Check that each plant has a communications device and only one.',
    solutionZh: '请检查每个电站是否都有通信设备，且只有一个通信设备。',
  },
  '20610': {
    en: 'The plant does not support default configuration.',
    zh: '该电站不支持默认配置。',
    solutionEn: 'Leave this plant out of the default setting task.',
    solutionZh: '请将该电站从默认设置任务中移除。',
  },
  '20611': {
    en: 'The values of input parameters exceed the valid range.',
    zh: '输入参数的值超出有效范围。',
    solutionEn:
      'Check the value range of each input parameter in the "Request Parameters" of the interface ' +
      '(e.g. maxFeedGridPower [-1000, plant capacity], activePowerVariationGradient [0.1, 5000]).',
    solutionZh:
      '请对照接口“请求参数”检查各输入参数的取值范围（例如maxFeedGridPower为[-1000, 电站容量]，activePowerVariationGradient为[0.1, 5000]）。',
  },
  '20612': {
    en: 'The value of an input parameter is empty.',
    zh: '输入参数的值为空。',
    solutionEn: 'Add the missing values to the request parameters of the interface.',
    solutionZh: '请在接口的请求参数中补充缺少的值。',
  },
  '20613': {
    en: 'The default setting task fails to be sent for all plants.',
    zh: '所有电站的默认设置任务均下发失败。',
    solutionEn: 'Look at the error code of each plant in the response and fix the fault according to it.',
    solutionZh: '请查看响应中每个电站的错误码，并根据错误码处理。',
  },
  '20614': {
    en: 'The network communication is abnormal.',
    zh: '网络通信异常。',
    solutionEn: 'Check whether the network connection is normal.',
    solutionZh: '请检查网络连接是否正常。',
  },
  '20615': {
    en: 'The same task is being executed in the current plant.',
    zh: '当前电站正在执行相同的任务。',
    solutionEn: 'Wait 3 minutes and try again.',
    solutionZh: '请等待3分钟后重试。',
  },
  '20616': {
    en: 'The task ID is empty.',
    zh: '任务ID为空。',
    solutionEn: 'Add the task ID to the request parameters of the interface.',
    solutionZh: '请在接口的请求参数中添加任务ID。',
  },
  '20617': {
    en: 'The query result of the default plant setting task is empty.',
    zh: '电站默认设置任务的查询结果为空。',
    solutionEn:
      'Check that requestId and plantCodes are correct and that the plants of requestId include those in plantCodes.',
    solutionZh: '请检查requestId和plantCodes是否正确，以及requestId对应的电站是否包含plantCodes中的电站。',
  },
  '20618': {
    en: 'The calls to API have reached the maximum number per user per day.',
    zh: '该用户当天的接口调用次数已达上限。',
    solutionEn:
      'The daily call limit of this interface is used up (see its access restrictions). Try again the next day.',
    solutionZh: '该接口当天的调用次数已用完（见接口的访问限制），请第二天再试。',
  },
  '20619': {
    en: 'The number of task IDs exceeds 100.',
    zh: '任务ID数量超过100个。',
    solutionEn: 'Send at most 100 task IDs per request.',
    solutionZh: '每次请求最多发送100个任务ID。',
  },
  '20620': {
    en: 'The task ID does not exist.',
    zh: '任务ID不存在。',
    solutionEn: 'Check whether the entered task ID is correct.',
    solutionZh: '请检查输入的任务ID是否正确。',
  },
  '21000': {
    en: 'The basic information for the plant creation is empty.',
    zh: '创建电站的基本信息为空。',
    solutionEn: "Fill in the plant's basic information.",
    solutionZh: '请填写电站基本信息。',
  },
  '21001': {
    en: 'The plant name is empty or in an incorrect format.',
    zh: '电站名称为空或格式不正确。',
    solutionEn: 'Provide a valid plant name.',
    solutionZh: '请提供有效的电站名称。',
  },
  '21002': {
    en: 'The plant type is empty or incorrect.',
    zh: '电站类型为空或不正确。',
    solutionEn: 'Provide a valid plant type.',
    solutionZh: '请提供有效的电站类型。',
  },
  '21003': {
    en: 'The grid connection time must be a positive number.',
    zh: '并网时间必须为正数。',
    solutionEn: 'Provide the grid connection time as a positive number.',
    solutionZh: '请以正数提供并网时间。',
  },
  '21004': {
    en: 'The format of the contact name is incorrect.',
    zh: '联系人姓名格式不正确。',
    solutionEn: 'Correct the contact name.',
    solutionZh: '请修改联系人姓名。',
  },
  '21005': {
    en: 'The format of the contact information is incorrect.',
    zh: '联系方式格式不正确。',
    solutionEn: 'Correct the contact information.',
    solutionZh: '请修改联系方式。',
  },
  '21006': {
    en: 'The C&I plant and utility plant cannot be EV-charger-only plants.',
    zh: '工商业电站和地面电站不能是纯充电桩电站。',
    solutionEn: 'Set pureChange to 0 for C&I and utility plants.',
    solutionZh: '工商业电站和地面电站请将pureChange设置为0。',
  },
  '21007': {
    en: 'The grid connection time cannot be set for an EV-charger-only plant.',
    zh: '纯充电桩电站不能设置并网时间。',
    solutionEn: 'Leave the grid connection time empty for an EV-charger-only plant.',
    solutionZh: '纯充电桩电站请不要填写并网时间。',
  },
  '21008': {
    en: 'The string capacity cannot be set for an EV-charger-only plant.',
    zh: '纯充电桩电站不能设置组串容量。',
    solutionEn: 'Leave the string capacity empty for an EV-charger-only plant.',
    solutionZh: '纯充电桩电站请不要填写组串容量。',
  },
  '21009': {
    en: 'The electricity price cannot be set for an EV-charger-only plant.',
    zh: '纯充电桩电站不能设置电价。',
    solutionEn: 'Leave the electricity price empty for an EV-charger-only plant.',
    solutionZh: '纯充电桩电站请不要填写电价。',
  },
  '21010': {
    en: 'pureChange can only be set to 0 or 1.',
    zh: 'pureChange只能设置为0或1。',
    solutionEn: 'Set pureChange to 0 or 1.',
    solutionZh: '请将pureChange设置为0或1。',
  },
  '21011': {
    en: 'The plant name already exists.',
    zh: '电站名称已存在。',
    solutionEn: 'Choose another plant name.',
    solutionZh: '请使用其他电站名称。',
  },
  '22000': {
    en: 'No related data of connected devices was found.',
    zh: '未找到所接入设备的相关数据。',
    solutionEn: 'Check the device SNs and that the devices are connected to the management system.',
    solutionZh: '请检查设备SN，并确认设备已接入管理系统。',
  },
  '22001': {
    en: 'The device registration code is empty.',
    zh: '设备注册码为空。',
    solutionEn: 'Provide the device registration code.',
    solutionZh: '请提供设备注册码。',
  },
  '22002': {
    en: 'The device is an unauthorized device.',
    zh: '该设备为未授权设备。',
    solutionEn: 'Check the device SN; the device must be authorized for this company.',
    solutionZh: '请检查设备SN，该设备必须已授权给本公司。',
  },
  '22003': {
    en: 'The device registration code is incorrect.',
    zh: '设备注册码不正确。',
    solutionEn: 'Check the registration code. Five wrong codes in a row lock registration for 5 minutes.',
    solutionZh: '请检查注册码。连续5次输入错误将被锁定5分钟。',
  },
  '22004': {
    en: 'You will be locked out for 5 minutes due to five consecutive incorrect registration codes.',
    zh: '由于连续5次输入错误的注册码，您将被锁定5分钟。',
    solutionEn: 'Wait 5 minutes, then retry with the correct registration code.',
    solutionZh: '请等待5分钟后使用正确的注册码重试。',
  },
  '22005': {
    en: 'Devices other than chargers are connected to an EV-charger-only plant.',
    zh: '纯充电桩电站中接入了充电桩以外的设备。',
    solutionEn: 'Connect only chargers to an EV-charger-only plant, or create it as a normal plant.',
    solutionZh: '纯充电桩电站只能接入充电桩，否则请创建为普通电站。',
  },
  '22006': {
    en: 'The device SN is empty.',
    zh: '设备SN为空。',
    solutionEn: 'Provide the device SN.',
    solutionZh: '请提供设备SN。',
  },
  '22007': {
    en: 'The device has been bound to another plant.',
    zh: '该设备已绑定到其他电站。',
    solutionEn: 'Unbind the device from the other plant first.',
    solutionZh: '请先将设备从其他电站解绑。',
  },
  '22008': {
    en: 'The parameters of connected devices are empty.',
    zh: '接入设备的参数为空。',
    solutionEn: 'Provide the parameters of the devices to connect.',
    solutionZh: '请提供待接入设备的参数。',
  },
  '23000': {
    en: 'The plant-level string capacity and PV-level string capacity cannot be empty at the same time.',
    zh: '电站级组串容量和PV级组串容量不能同时为空。',
    solutionEn: 'Provide the plant-level or the PV-level string capacity.',
    solutionZh: '请提供电站级或PV级组串容量。',
  },
  '23001': {
    en: 'The format of the plant string capacity is incorrect.',
    zh: '电站组串容量格式不正确。',
    solutionEn: 'Correct the plant string capacity.',
    solutionZh: '请修改电站组串容量。',
  },
  '23002': {
    en: 'The inverter SN does not exist.',
    zh: '逆变器SN不存在。',
    solutionEn: 'Check the inverter SN.',
    solutionZh: '请检查逆变器SN。',
  },
  '23003': {
    en: 'The number of inverter SNs is incorrect.',
    zh: '逆变器SN数量不正确。',
    solutionEn: 'Check the number of inverter SNs.',
    solutionZh: '请检查逆变器SN的数量。',
  },
  '23005': {
    en: 'The inverter PV string capacity is incorrectly set.',
    zh: '逆变器PV组串容量设置不正确。',
    solutionEn: 'Correct the PV string capacity of the inverter.',
    solutionZh: '请修改逆变器的PV组串容量。',
  },
  '23006': {
    en: 'The inverter SN or PV string capacity is empty.',
    zh: '逆变器SN或PV组串容量为空。',
    solutionEn: 'Provide both the inverter SN and the PV string capacity.',
    solutionZh: '请同时提供逆变器SN和PV组串容量。',
  },
  '23007': {
    en: 'The quantity in the inverter PV string capacity setting is incorrect.',
    zh: '逆变器PV组串容量设置中的数量不正确。',
    solutionEn: 'Make the number of PV string entries match the inverter.',
    solutionZh: '请使PV组串条目数量与逆变器相符。',
  },
  '24000': {
    en: 'The electricity price must be a positive number.',
    zh: '电价必须为正数。',
    solutionEn: 'Use a positive electricity price.',
    solutionZh: '请使用正数电价。',
  },
  '24001': {
    en: 'The electricity price date settings must cover a complete year and without overlapping.',
    zh: '电价日期设置必须覆盖全年且不能重叠。',
    solutionEn: 'Make the date ranges cover the whole year without overlaps.',
    solutionZh: '请使日期范围覆盖全年且互不重叠。',
  },
  '24002': {
    en: 'The electricity price time segments must cover 24 hours of the day without overlapping.',
    zh: '电价时间段必须覆盖全天24小时且不能重叠。',
    solutionEn: 'Make the time segments cover all 24 hours without overlaps.',
    solutionZh: '请使时间段覆盖全天24小时且互不重叠。',
  },
  '24003': {
    en: 'The date range is invalid.',
    zh: '日期范围无效。',
    solutionEn: 'Correct the date range.',
    solutionZh: '请修改日期范围。',
  },
  '24004': {
    en: 'The time range is invalid.',
    zh: '时间范围无效。',
    solutionEn: 'Correct the time range.',
    solutionZh: '请修改时间范围。',
  },
  '24005': {
    en: 'The company electricity price is empty.',
    zh: '公司电价为空。',
    solutionEn: 'Configure the company electricity price, or set useCompanyPrice to 0 and give a plant price.',
    solutionZh: '请配置公司电价，或将useCompanyPrice设置为0并提供电站电价。',
  },
  '24006': {
    en: 'useCompanyPrice can only be set to 0 or 1.',
    zh: 'useCompanyPrice只能设置为0或1。',
    solutionEn: 'Set useCompanyPrice to 0 or 1.',
    solutionZh: '请将useCompanyPrice设置为0或1。',
  },
  '25000': {
    en: 'Additional information configuration is empty.',
    zh: '附加信息配置为空。',
    solutionEn: "Fill in the plant's additional information.",
    solutionZh: '请填写电站附加信息。',
  },
  '25001': {
    en: 'The area code is empty or in an incorrect format.',
    zh: '地区编码为空或格式不正确。',
    solutionEn: 'Provide a valid area code.',
    solutionZh: '请提供有效的地区编码。',
  },
  '25002': {
    en: 'The plant address is empty.',
    zh: '电站地址为空。',
    solutionEn: 'Provide the plant address.',
    solutionZh: '请提供电站地址。',
  },
  '25003': {
    en: 'The longitude and latitude are empty or in incorrect format.',
    zh: '经纬度为空或格式不正确。',
    solutionEn: 'Provide valid longitude and latitude.',
    solutionZh: '请提供有效的经纬度。',
  },
  '25004': {
    en: 'The safe running time of the plant must be a positive number.',
    zh: '电站安全运行时间必须为正数。',
    solutionEn: 'Use a positive safe running time.',
    solutionZh: '请使用正数的安全运行时间。',
  },
  '25005': {
    en: 'The time zone is empty or the format is incorrect.',
    zh: '时区为空或格式不正确。',
    solutionEn: 'Provide a valid time zone.',
    solutionZh: '请提供有效的时区。',
  },
  '25006': {
    en: 'loadStatus can only be set to 0 or 1.',
    zh: 'loadStatus只能设置为0或1。',
    solutionEn: 'Set loadStatus to 0 or 1.',
    solutionZh: '请将loadStatus设置为0或1。',
  },
  '25007': {
    en: 'The plant introduction can contain a maximum of 128 characters.',
    zh: '电站简介最多可包含128个字符。',
    solutionEn: 'Shorten the plant introduction to 128 characters.',
    solutionZh: '请将电站简介缩短至128个字符以内。',
  },
  '26000': {
    en: 'Failed to create plants.',
    zh: '创建电站失败。',
    solutionEn: 'Check the plant data and retry later.',
    solutionZh: '请检查电站数据后稍后重试。',
  },
  '26001': {
    en: 'A maximum of 1000 plants can be created in a day.',
    zh: '每天最多可创建1000个电站。',
    solutionEn: 'Create the remaining plants the next day.',
    solutionZh: '请第二天再创建其余电站。',
  },
  '26002': {
    en: 'The company authorized by the northbound user does not exist.',
    zh: '北向用户所授权的公司不存在。',
    solutionEn: 'Ask the administrator to check the company bound to the northbound account.',
    solutionZh: '请联系管理员检查该北向账号绑定的公司。',
  },
  '30001': {
    en: 'The device ESN list cannot be empty.',
    zh: '设备ESN列表不能为空。',
    solutionEn: 'Provide at least one device ESN.',
    solutionZh: '请至少提供一个设备ESN。',
  },
  '30002': {
    en: 'The ESNs queried at a time cannot exceed 50.',
    zh: '每次查询的ESN不能超过50个。',
    solutionEn: 'Send at most 50 SNs per call; split longer lists.',
    solutionZh: '每次调用最多发送50个SN，更多请分批发送。',
  },
  '30003': {
    en: 'The account cannot be empty in the input parameter.',
    zh: '输入参数中的账号不能为空。',
    solutionEn: 'Set account to a username, email address or phone number.',
    solutionZh: '请将account设置为用户名、邮箱或手机号。',
  },
  '30004': {
    en: 'The value of pageNo cannot be empty.',
    zh: 'pageNo的值不能为空。',
    solutionEn: 'Set pageNo, starting from 1.',
    solutionZh: '请设置pageNo，从1开始。',
  },
  '30005': {
    en: 'The value of pageSize cannot be empty.',
    zh: 'pageSize的值不能为空。',
    solutionEn: 'Set pageSize to 10, 20, 30, 50 or 100.',
    solutionZh: '请将pageSize设置为10、20、30、50或100。',
  },
  '30006': {
    en: 'The value of pageSize is out of range. The allowed range is {10, 20, 30, 50, 100}.',
    zh: 'pageSize的值超出范围，允许值为{10, 20, 30, 50, 100}。',
    solutionEn: 'Set pageSize to 10, 20, 30, 50 or 100.',
    solutionZh: '请将pageSize设置为10、20、30、50或100。',
  },
  '30007': {
    en: 'The values of startTime and endTime must be both provided or empty.',
    zh: 'startTime和endTime必须同时提供或同时为空。',
    solutionEn: 'Give both startTime and endTime, or neither.',
    solutionZh: '请同时提供startTime和endTime，或都不提供。',
  },
  '30008': {
    en: 'Failed to invoke the internal interface.',
    zh: '调用内部接口失败。',
    solutionEn: 'Check the task ID and device ID of the request, then retry later.',
    solutionZh: '请检查请求中的任务ID和设备ID，然后稍后重试。',
  },
  '30009': {
    en: 'The value of taskName is empty.',
    zh: 'taskName的值为空。',
    solutionEn: 'Set taskName.',
    solutionZh: '请设置taskName。',
  },
  // The reference prints "nds"; the request parameter of 9.4.2 is dns.
  '30010': {
    en: 'The value of dns is empty.',
    zh: 'dns的值为空。',
    solutionEn: 'Provide at least one inverter ID in dns.',
    solutionZh: '请在dns中至少提供一个逆变器ID。',
  },
  '30011': {
    en: 'The value of cleanStatus is empty or invalid.',
    zh: 'cleanStatus的值为空或无效。',
    solutionEn: 'Set cleanStatus to 0 (not cleaned) or 1 (cleaned).',
    solutionZh: '请将cleanStatus设置为0（未清洗）或1（已清洗）。',
  },
  '30012': {
    en: 'The value of environmentalParameters is empty or invalid.',
    zh: 'environmentalParameters的值为空或无效。',
    solutionEn: 'Set environmentalParameters to 0 (automatic) or 1 (manual).',
    solutionZh: '请将environmentalParameters设置为0（自动）或1（手动）。',
  },
  '30013': {
    en:
      'The value of modulePlaneIrradiance or moduleBackSurfaceTemperature is empty when ' +
      'environmentalParameters is set to 1.',
    zh: 'environmentalParameters设置为1时，modulePlaneIrradiance或moduleBackSurfaceTemperature的值为空。',
    solutionEn: 'Provide both values, or set environmentalParameters to 0.',
    solutionZh: '请同时提供这两个值，或将environmentalParameters设置为0。',
  },
  '30014': {
    en: 'The value of scanPointNum must be set to 128.',
    zh: 'scanPointNum的值必须设置为128。',
    solutionEn: 'Set scanPointNum to 128.',
    solutionZh: '请将scanPointNum设置为128。',
  },
  '30015': {
    en: 'The value of taskId is empty.',
    zh: 'taskId的值为空。',
    solutionEn: 'Set taskId.',
    solutionZh: '请设置taskId。',
  },
  '30016': {
    en: 'The value of dn is empty.',
    zh: 'dn的值为空。',
    solutionEn: 'Set dn.',
    solutionZh: '请设置dn。',
  },
  '30017': {
    en:
      'The value of dns is invalid. The number of devices exceeds 100 or devices on which the user ' +
      'does not have permission exist.',
    zh: 'dns的值无效：设备数量超过100个，或存在用户无权限的设备。',
    solutionEn: 'Send at most 100 device IDs, all bound to this account.',
    solutionZh: '最多发送100个设备ID，且均须已绑定到该账号。',
  },
  '30018': {
    en: 'The value of taskName is invalid (for example, null field).',
    zh: 'taskName的值无效（例如为null字段）。',
    solutionEn: 'Set taskName to a non-empty text.',
    solutionZh: '请将taskName设置为非空文本。',
  },
  '30019': {
    en: 'The value of moduleBackSurfaceTemperature is out of range. The allowed range is [0.0, 100.0].',
    zh: 'moduleBackSurfaceTemperature的值超出范围，允许范围为[0.0, 100.0]。',
    solutionEn: 'Use a backplane temperature from 0 to 100 °C.',
    solutionZh: '请使用0至100 °C之间的背板温度。',
  },
  '30020': {
    en: 'The value of modulePlaneIrradiance is out of range. The allowed range is [600.0, 1500.0].',
    zh: 'modulePlaneIrradiance的值超出范围，允许范围为[600.0, 1500.0]。',
    solutionEn: 'Use a module plane irradiance from 600 to 1500 W/m².',
    solutionZh: '请使用600至1500 W/m²之间的组件面辐照度。',
  },
  '30021': {
    en: 'The value of pageNo is smaller than 0.',
    zh: 'pageNo的值小于0。',
    solutionEn: 'Set pageNo to 1 or more.',
    solutionZh: '请将pageNo设置为1或更大。',
  },
  '30022': {
    en: 'The value of timestamp is empty.',
    zh: 'timestamp的值为空。',
    solutionEn: 'Set timestamp.',
    solutionZh: '请设置timestamp。',
  },
  '30023': {
    en: 'The command type is invalid (for example, null).',
    zh: '命令类型无效（例如为null）。',
    solutionEn: 'Set a valid command type.',
    solutionZh: '请设置有效的命令类型。',
  },
  '30024': {
    en: 'The power supply duration is invalid.',
    zh: '供电时长无效。',
    solutionEn: 'Correct the power supply duration.',
    solutionZh: '请修改供电时长。',
  },
  '30025': {
    en: 'The MPPT list is empty.',
    zh: 'MPPT列表为空。',
    solutionEn: 'Provide at least one MPPT.',
    solutionZh: '请至少提供一个MPPT。',
  },
  '30026': {
    en: 'The value of mppts is empty.',
    zh: 'mppts的值为空。',
    solutionEn: 'Set mppts.',
    solutionZh: '请设置mppts。',
  },
  '30027': {
    en:
      'The number of MPPTs connected to a single inverter exceeds the maximum limit (3), or the ' +
      'total number of MPPTs in a single task exceeds the maximum limit (32).',
    zh: '单台逆变器所接MPPT数量超过上限（3个），或单个任务中的MPPT总数超过上限（32个）。',
    solutionEn: 'Use at most 3 MPPTs per inverter and 32 MPPTs per task.',
    solutionZh: '每台逆变器最多3个MPPT，每个任务最多32个MPPT。',
  },
  '30028': {
    en: 'The backfeed current input value is invalid.',
    zh: '反灌电流输入值无效。',
    solutionEn: 'Use a backfeed current greater than 0 and at most 15.',
    solutionZh: '请使用大于0且不超过15的反灌电流。',
  },
  '30029': {
    en: 'Authentication failed.',
    zh: '认证失败。',
    solutionEn: 'Log in again and check the account credentials.',
    solutionZh: '请重新登录并检查账号凭据。',
  },
  '30030': {
    en: 'The input parameter is incorrect.',
    zh: '输入参数不正确。',
    solutionEn: 'Check the request parameters against the interface description.',
    solutionZh: '请对照接口说明检查请求参数。',
  },
  '30031': {
    en: 'A maximum of 10 devices can be queried at a time.',
    zh: '每次最多可查询10个设备。',
    solutionEn: 'Send at most 10 devices per call; split longer lists.',
    solutionZh: '每次调用最多发送10个设备，更多请分批发送。',
  },
  '30032': {
    en: 'The time parameter is invalid. The query time segment cannot be longer than three days.',
    zh: '时间参数无效，查询时间段不能超过三天。',
    solutionEn: 'Split the period into ranges of at most three days.',
    solutionZh: '请将时间段拆分为每段不超过三天。',
  },
  '30033': {
    en: 'The task is in progress.',
    zh: '任务正在执行中。',
    solutionEn: 'Wait for the running task to finish.',
    solutionZh: '请等待正在执行的任务完成。',
  },
  '30034': {
    en: 'The returned list is empty.',
    zh: '返回的列表为空。',
    solutionEn: 'No data matches the query; check the parameters.',
    solutionZh: '没有与查询匹配的数据，请检查参数。',
  },

  // ---- Only in per-interface tables or examples of chapter 9, not in chapter 11 ---------
  // 9.3.4 charge/discharge table.
  '20053': {
    en: 'There is no operable battery.',
    zh: '没有可操作的电池。',
    solutionEn: 'Check that the plants have online batteries that support forced charge/discharge.',
    solutionZh: '请确认电站中有在线且支持强制充放电的电池。',
  },
  // 9.3.7 power-on/off table.
  '20052': {
    en: 'Failed to start or shut down the inverter.',
    zh: '逆变器开机或关机失败。',
    solutionEn: 'Check that the inverters are online, and read their state before sending the command again.',
    solutionZh: '请确认逆变器在线，并在再次发送命令前查询其状态。',
  },
  // 9.3.8 example only ("controlType error"); the reference lists no text for it.
  '20117': {
    en: 'The control type is not supported.',
    zh: '不支持该控制类型。',
    solutionEn: 'The EMS control interface currently accepts only controlType 6 (scheduled charge/discharge).',
    solutionZh: 'EMS控制接口目前只支持controlType 6（定时充放电）。',
  },

  // ---- HTTP-level answers of the gateway (reference 1.3, traffic limiting policy) -----------
  '403': {
    en: 'The request was rejected by the gateway quota control: the system-wide limit for this interface was exceeded.',
    zh: '请求被网关流控拒绝：该接口已超过系统级调用上限。',
    solutionEn: 'Wait one minute and retry. If it persists, wait longer and make fewer calls.',
    solutionZh: '请等待一分钟后重试；若仍然出现，请延长等待时间并减少调用次数。',
  },
  '429': {
    en: 'Too many requests: the system-wide limit for this interface was exceeded.',
    zh: '请求过多：该接口已超过系统级调用上限。',
    solutionEn: 'Wait one minute and retry. If it persists, wait longer and make fewer calls.',
    solutionZh: '请等待一分钟后重试；若仍然出现，请延长等待时间并减少调用次数。',
  },

  // ---- Client-side codes ------------------------------------------------------------------
  QUOTA: {
    en: "The client's quota governor refused the call: it would exceed the documented quota of this interface.",
    zh: '客户端配额控制拒绝了本次调用：该调用将超过接口文档规定的配额。',
    solutionEn: 'Wait until the quota window allows another call (see retryAfter), or call less often.',
    solutionZh: '请等待配额周期允许再次调用（见retryAfter），或降低调用频率。',
  },
  ETIMEDOUT: {
    en: 'No response from the server within the timeout.',
    zh: '在超时时间内未收到服务器响应。',
    solutionEn: 'Check the network and the server URL, then retry later.',
    solutionZh: '请检查网络和服务器地址，然后稍后重试。',
  },
  ECONNRESET: {
    en: 'The connection was reset by the server or the network.',
    zh: '连接被服务器或网络重置。',
    solutionEn: 'Retry later. If it keeps happening, check proxies and firewalls on the way.',
    solutionZh: '请稍后重试；若持续出现，请检查沿途的代理和防火墙。',
  },
  ECONNREFUSED: {
    en: 'The server refused the connection.',
    zh: '服务器拒绝了连接。',
    solutionEn: 'Check the server URL and port (443 for the cloud, 27200 for on-premises systems).',
    solutionZh: '请检查服务器地址和端口（云端为443，本地部署系统为27200）。',
  },
  ENOTFOUND: {
    en: 'The server host name could not be resolved.',
    zh: '无法解析服务器主机名。',
    solutionEn: 'Check the server URL (e.g. https://eu5.fusionsolar.huawei.com) and the DNS settings.',
    solutionZh: '请检查服务器地址（例如https://eu5.fusionsolar.huawei.com）和DNS设置。',
  },
  CERT: {
    en: "The server's TLS certificate could not be verified.",
    zh: '无法验证服务器的TLS证书。',
    solutionEn:
      'Add the CA certificate in the account settings (reference FAQ 13.1 shows how to export the ' +
      "server's certificate).",
    solutionZh: '请在账号设置中添加CA证书（参考文档FAQ 13.1介绍了如何导出服务器证书）。',
  },
  HTTP: {
    en: 'The server answered with an unexpected HTTP status.',
    zh: '服务器返回了意外的HTTP状态码。',
    solutionEn: 'Check the server URL; for a 5xx status, retry later.',
    solutionZh: '请检查服务器地址；若为5xx状态码，请稍后重试。',
  },
  BAD_RESPONSE: {
    en: 'The server answered with something that is not the JSON envelope (an HTML page or broken JSON).',
    zh: '服务器返回的内容不是约定的JSON报文（如HTML页面或损坏的JSON）。',
    solutionEn: 'Check the server URL; a proxy or portal page may be answering instead. Retry later.',
    solutionZh: '请检查服务器地址，可能是代理或门户页面在应答。请稍后重试。',
  },
  EMPTY_RESPONSE: {
    en: 'The server answered with an empty body.',
    zh: '服务器返回了空的响应体。',
    solutionEn:
      'At login this usually means a wrong username or password; otherwise an expired session, which ' +
      'the client renews once.',
    solutionZh: '登录时通常表示用户名或密码错误；其他情况通常是会话已过期，客户端会自动重新登录一次。',
  },
  LOGIN_REJECTED: {
    en: 'The username or password was rejected.',
    zh: '用户名或密码被拒绝。',
    solutionEn:
      'Correct the username or password in the account. No further login is tried until the ' +
      'credentials are changed, to avoid the 30-minute lockout after five wrong passwords.',
    solutionZh: '请在账号中修改用户名或密码。在凭据修改之前不会再尝试登录，以免连续5次密码错误导致账号被锁定30分钟。',
  },
  LOGIN_LOCKED: {
    en: 'The account is locked after too many failed logins.',
    zh: '登录失败次数过多，账号已被锁定。',
    solutionEn: 'Wait 30 minutes, and correct the password before the next login.',
    solutionZh: '请等待30分钟，并在下次登录前修正密码。',
  },
  INVALID_INPUT: {
    en: 'Invalid input parameters.',
    zh: '输入参数无效。',
    solutionEn: 'Correct the named field; the request was not sent.',
    solutionZh: '请修正所指出的字段，请求未发送。',
  },
  CONTROL_DISABLED: {
    en: 'Device control is not allowed for this account.',
    zh: '该账号不允许进行设备控制。',
    solutionEn: 'Enable "Allow device control" in the account settings.',
    solutionZh: '请在账号设置中启用“允许设备控制”。',
  },
  OUTCOME_UNKNOWN: {
    en: 'A device command got no answer: it may or may not have been executed.',
    zh: '设备命令未收到应答：命令可能已执行，也可能未执行。',
    solutionEn: 'Query the task status first; never resend the command blindly.',
    solutionZh: '请先查询任务状态，切勿盲目重发命令。',
  },
  ABORTED: {
    en: 'The node was closed while the call was waiting.',
    zh: '调用等待期间节点已关闭。',
    solutionEn: 'Nothing to do after a deploy or shutdown; send the message again if the call is still wanted.',
    solutionZh: '部署或关闭后无需处理；如仍需要该调用，请重新发送消息。',
  },
  TOO_LARGE: {
    en: 'The response exceeded the size cap.',
    zh: '响应超过了大小上限。',
    solutionEn: 'Request smaller pages or fewer plants or devices per call.',
    solutionZh: '请减小分页大小，或每次调用请求更少的电站或设备。',
  },
  NOT_AVAILABLE: {
    en: 'This interface is not available to the account.',
    zh: '该账号无法使用此接口。',
    solutionEn: 'Use the replacement the message names, or check the account settings (interface, quota profile).',
    solutionZh: '请使用消息中给出的替代操作，或检查账号设置（接口、配额配置）。',
  },
  STORE_OFFLINE: {
    en: 'The shared state store (Redis) is unreachable: the call was not made.',
    zh: '共享状态存储（Redis）无法访问：调用未发出。',
    solutionEn:
      'Bring Redis back, or set "If Redis is away" to "Local ledger" so each instance keeps to its ' +
      'share of the quota meanwhile.',
    solutionZh: '请恢复 Redis，或将“Redis 不可用时”设为“本地账本”，使每个实例在此期间只使用其配额份额。',
  },
  NO_ACCOUNT: {
    en: 'No account is configured.',
    zh: '未配置账号。',
    solutionEn: 'Select or create a FusionSolar account in the node settings.',
    solutionZh: '请在节点设置中选择或创建FusionSolar账号。',
  },
} satisfies Record<string, CatalogueEntry>);

export function describeCode(
  code: string | number,
  locale: Locale = 'en-us',
  api: Interface = 'v7',
): { message: string; solution?: string } | undefined {
  const key = String(code).trim();
  // hasOwn keeps keys such as "constructor" or "toString" from resolving to prototype members.
  if (!Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, key)) return undefined;
  const base = ERROR_CATALOGUE[key];
  if (!base) return undefined;
  const entry = api === 'v6' && base.v6 ? { ...base, ...base.v6 } : base;
  const zh = locale === 'zh-cn';
  const message = zh ? entry.zh : entry.en;
  const solution = zh ? (entry.solutionZh ?? entry.solutionEn) : entry.solutionEn;
  return solution === undefined ? { message } : { message, solution };
}
