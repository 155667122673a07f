export namespace campaigns {
	
	export class Audience {
	    include: number[];
	    exclude: number[];
	    hasEmail: boolean;
	    addedSince: number;
	    source: string;
	    notContactedDays: number;
	
	    static createFrom(source: any = {}) {
	        return new Audience(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.include = source["include"];
	        this.exclude = source["exclude"];
	        this.hasEmail = source["hasEmail"];
	        this.addedSince = source["addedSince"];
	        this.source = source["source"];
	        this.notContactedDays = source["notContactedDays"];
	    }
	}
	export class Count {
	    recipients: number;
	    inGroups: number;
	    excludedByGroup: number;
	    optedOut: number;
	    invalidPhone: number;
	    filtered: number;
	    recentlyContacted: number;
	    missingGroups: number[];
	
	    static createFrom(source: any = {}) {
	        return new Count(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.recipients = source["recipients"];
	        this.inGroups = source["inGroups"];
	        this.excludedByGroup = source["excludedByGroup"];
	        this.optedOut = source["optedOut"];
	        this.invalidPhone = source["invalidPhone"];
	        this.filtered = source["filtered"];
	        this.recentlyContacted = source["recentlyContacted"];
	        this.missingGroups = source["missingGroups"];
	    }
	}
	export class EmptyVariable {
	    variable: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new EmptyVariable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.variable = source["variable"];
	        this.count = source["count"];
	    }
	}
	export class ExportRequest {
	    itemId: number;
	    format: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.format = source["format"];
	        this.path = source["path"];
	    }
	}
	export class Output {
	    id: number;
	    itemId: number;
	    itemName: string;
	    format: string;
	    path: string;
	    recipients: number;
	    at: number;
	
	    static createFrom(source: any = {}) {
	        return new Output(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.itemId = source["itemId"];
	        this.itemName = source["itemName"];
	        this.format = source["format"];
	        this.path = source["path"];
	        this.recipients = source["recipients"];
	        this.at = source["at"];
	    }
	}
	export class Item {
	    id: number;
	    kind: string;
	    name: string;
	    message: string;
	    audience: Audience;
	    createdAt: number;
	    updatedAt: number;
	    lastOutput?: Output;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.message = source["message"];
	        this.audience = this.convertValues(source["audience"], Audience);
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.lastOutput = this.convertValues(source["lastOutput"], Output);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ItemInput {
	    kind: string;
	    name: string;
	    message: string;
	    audience: Audience;
	
	    static createFrom(source: any = {}) {
	        return new ItemInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.message = source["message"];
	        this.audience = this.convertValues(source["audience"], Audience);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Why {
	    contactId: number;
	    included: boolean;
	    reason: string;
	    via: number[];
	    excludedBy: number[];
	    lastContactedAt: number;
	    missingGroups: number[];
	
	    static createFrom(source: any = {}) {
	        return new Why(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.included = source["included"];
	        this.reason = source["reason"];
	        this.via = source["via"];
	        this.excludedBy = source["excludedBy"];
	        this.lastContactedAt = source["lastContactedAt"];
	        this.missingGroups = source["missingGroups"];
	    }
	}
	export class ItemWhy {
	    itemId: number;
	    kind: string;
	    itemName: string;
	    why: Why;
	
	    static createFrom(source: any = {}) {
	        return new ItemWhy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.kind = source["kind"];
	        this.itemName = source["itemName"];
	        this.why = this.convertValues(source["why"], Why);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Sample {
	    contactId: number;
	    name: string;
	    phone: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Sample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.message = source["message"];
	    }
	}
	export class Preview {
	    samples: Sample[];
	    empty: EmptyVariable[];
	    unknown: string[];
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.samples = this.convertValues(source["samples"], Sample);
	        this.empty = this.convertValues(source["empty"], EmptyVariable);
	        this.unknown = source["unknown"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Recipient {
	    contactId: number;
	    name: string;
	    phone: string;
	    display: string;
	    groups: number[];
	    via: number[];
	
	    static createFrom(source: any = {}) {
	        return new Recipient(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.display = source["display"];
	        this.groups = source["groups"];
	        this.via = source["via"];
	    }
	}
	export class RecipientsPage {
	    count: Count;
	    offset: number;
	    items: Recipient[];
	
	    static createFrom(source: any = {}) {
	        return new RecipientsPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = this.convertValues(source["count"], Count);
	        this.offset = source["offset"];
	        this.items = this.convertValues(source["items"], Recipient);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace contacts {
	
	export class Field {
	    key: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.value = source["value"];
	    }
	}
	export class Contact {
	    id: number;
	    name: string;
	    originalName: string;
	    phone: string;
	    display: string;
	    email: string;
	    groupIds: number[];
	    fields: Field[];
	    source: string;
	    createdAt: number;
	    updatedAt: number;
	    nameSource: string;
	    nameLocked: boolean;
	    suggestedName: string;
	    optOut: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Contact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.originalName = source["originalName"];
	        this.phone = source["phone"];
	        this.display = source["display"];
	        this.email = source["email"];
	        this.groupIds = source["groupIds"];
	        this.fields = this.convertValues(source["fields"], Field);
	        this.source = source["source"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.nameSource = source["nameSource"];
	        this.nameLocked = source["nameLocked"];
	        this.suggestedName = source["suggestedName"];
	        this.optOut = source["optOut"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContactInput {
	    name: string;
	    phone: string;
	    email: string;
	    groupIds: number[];
	    fields: Field[];
	    nameLocked?: boolean;
	    optOut?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ContactInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.groupIds = source["groupIds"];
	        this.fields = this.convertValues(source["fields"], Field);
	        this.nameLocked = source["nameLocked"];
	        this.optOut = source["optOut"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContactRef {
	    id: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new ContactRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class DeleteResult {
	    deleted: number;
	    undoId: number;
	
	    static createFrom(source: any = {}) {
	        return new DeleteResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.deleted = source["deleted"];
	        this.undoId = source["undoId"];
	    }
	}
	export class Query {
	    text: string;
	    groupId: number;
	    groupIds: number[];
	    groupMode: string;
	    noGroup: boolean;
	    hasEmail: boolean;
	    source: string;
	    sort: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.groupId = source["groupId"];
	        this.groupIds = source["groupIds"];
	        this.groupMode = source["groupMode"];
	        this.noGroup = source["noGroup"];
	        this.hasEmail = source["hasEmail"];
	        this.source = source["source"];
	        this.sort = source["sort"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class ExportRequest {
	    format: string;
	    path: string;
	    ids: number[];
	    query: Query;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.path = source["path"];
	        this.ids = source["ids"];
	        this.query = this.convertValues(source["query"], Query);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportResult {
	    path: string;
	    written: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.written = source["written"];
	    }
	}
	
	export class Group {
	    id: number;
	    name: string;
	    description: string;
	    members: number;
	    createdAt: number;
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.members = source["members"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class GroupInput {
	    name: string;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	    }
	}
	export class Page {
	    total: number;
	    offset: number;
	    items: Contact[];
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.offset = source["offset"];
	        this.items = this.convertValues(source["items"], Contact);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PhoneCheck {
	    input: string;
	    phone: string;
	    status: string;
	    kind: string;
	    display: string;
	    reasons: string[];
	    duplicate?: ContactRef;
	
	    static createFrom(source: any = {}) {
	        return new PhoneCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input = source["input"];
	        this.phone = source["phone"];
	        this.status = source["status"];
	        this.kind = source["kind"];
	        this.display = source["display"];
	        this.reasons = source["reasons"];
	        this.duplicate = this.convertValues(source["duplicate"], ContactRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Selection {
	    ids: number[];
	    all: boolean;
	    query: Query;
	
	    static createFrom(source: any = {}) {
	        return new Selection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ids = source["ids"];
	        this.all = source["all"];
	        this.query = this.convertValues(source["query"], Query);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UndoResult {
	    removed: number;
	    restored: number;
	    left: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.removed = source["removed"];
	        this.restored = source["restored"];
	        this.left = source["left"];
	    }
	}

}

export namespace importer {
	
	export class ColumnMap {
	    role: string;
	    key: string;
	
	    static createFrom(source: any = {}) {
	        return new ColumnMap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.role = source["role"];
	        this.key = source["key"];
	    }
	}
	export class Counts {
	    read: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    duplicates: number;
	    invalid: number;
	    lossy: number;
	    empty: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.read = source["read"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.duplicates = source["duplicates"];
	        this.invalid = source["invalid"];
	        this.lossy = source["lossy"];
	        this.empty = source["empty"];
	    }
	}
	export class Mapping {
	    columns: ColumnMap[];
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.columns = this.convertValues(source["columns"], ColumnMap);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FileInfo {
	    path: string;
	    file: string;
	    format: string;
	    profile: string;
	    encoding: string;
	    delimiter: string;
	    sheets: string[];
	    sheet: string;
	    headerRow: number;
	    header: string[];
	    sample: string[][];
	    mapping: Mapping;
	    remembered: boolean;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new FileInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.format = source["format"];
	        this.profile = source["profile"];
	        this.encoding = source["encoding"];
	        this.delimiter = source["delimiter"];
	        this.sheets = source["sheets"];
	        this.sheet = source["sheet"];
	        this.headerRow = source["headerRow"];
	        this.header = source["header"];
	        this.sample = source["sample"];
	        this.mapping = this.convertValues(source["mapping"], Mapping);
	        this.remembered = source["remembered"];
	        this.size = source["size"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class OpenOptions {
	    sheet: string;
	    delimiter: string;
	    headerRow: number;
	
	    static createFrom(source: any = {}) {
	        return new OpenOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.delimiter = source["delimiter"];
	        this.headerRow = source["headerRow"];
	    }
	}
	export class Options {
	    path: string;
	    open: OpenOptions;
	    mapping?: Mapping;
	    groupIds: number[];
	    newGroups: string[];
	    existing: string;
	    replaceNames: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.open = this.convertValues(source["open"], OpenOptions);
	        this.mapping = this.convertValues(source["mapping"], Mapping);
	        this.groupIds = source["groupIds"];
	        this.newGroups = source["newGroups"];
	        this.existing = source["existing"];
	        this.replaceNames = source["replaceNames"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Problem {
	    row: number;
	    outcome: string;
	    reason: string;
	    name: string;
	    phone: string;
	    duplicateOf?: number;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.outcome = source["outcome"];
	        this.reason = source["reason"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.duplicateOf = source["duplicateOf"];
	    }
	}
	export class PreviewRow {
	    row: number;
	    name: string;
	    phone: string;
	    display: string;
	    email: string;
	    groups: string[];
	    outcome: string;
	    reason: string;
	    duplicateOf?: number;
	    existingName?: string;
	
	    static createFrom(source: any = {}) {
	        return new PreviewRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.display = source["display"];
	        this.email = source["email"];
	        this.groups = source["groups"];
	        this.outcome = source["outcome"];
	        this.reason = source["reason"];
	        this.duplicateOf = source["duplicateOf"];
	        this.existingName = source["existingName"];
	    }
	}
	export class Preview {
	    file: FileInfo;
	    rows: PreviewRow[];
	    counts: Counts;
	    problems: Problem[];
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = this.convertValues(source["file"], FileInfo);
	        this.rows = this.convertValues(source["rows"], PreviewRow);
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.problems = this.convertValues(source["problems"], Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Report {
	    batch: number;
	    file: string;
	    path: string;
	    format: string;
	    state: string;
	    read: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    duplicates: number;
	    invalid: number;
	    lossy: number;
	    empty: number;
	    problems: Problem[];
	    rejected: number;
	    groupIds: number[];
	    startedAt: number;
	    finishedAt: number;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batch = source["batch"];
	        this.file = source["file"];
	        this.path = source["path"];
	        this.format = source["format"];
	        this.state = source["state"];
	        this.read = source["read"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.duplicates = source["duplicates"];
	        this.invalid = source["invalid"];
	        this.lossy = source["lossy"];
	        this.empty = source["empty"];
	        this.problems = this.convertValues(source["problems"], Problem);
	        this.rejected = source["rejected"];
	        this.groupIds = source["groupIds"];
	        this.startedAt = source["startedAt"];
	        this.finishedAt = source["finishedAt"];
	        this.error = source["error"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace inbound {
	
	export class Decision {
	    allowed: boolean;
	    reason: string;
	    groups: number[];
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.allowed = source["allowed"];
	        this.reason = source["reason"];
	        this.groups = source["groups"];
	    }
	}
	export class Message {
	    from: string;
	    name: string;
	    message: string;
	    // Go type: time
	    time: any;
	    group: boolean;
	    source: string;
	    line?: number;
	
	    static createFrom(source: any = {}) {
	        return new Message(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.name = source["name"];
	        this.message = source["message"];
	        this.time = this.convertValues(source["time"], null);
	        this.group = source["group"];
	        this.source = source["source"];
	        this.line = source["line"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Outcome {
	    id: number;
	    at: number;
	    message: Message;
	    phone: string;
	    display: string;
	    contactId: number;
	    contactName: string;
	    created: boolean;
	    targeting: Decision;
	    ruleId: number;
	    ruleName: string;
	    keyword: string;
	    reply: string;
	    why: string;
	    savedGroups: number[];
	    statedName: string;
	    nameOutcome: string;
	    optedOut: boolean;
	    dryRun: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Outcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.message = this.convertValues(source["message"], Message);
	        this.phone = source["phone"];
	        this.display = source["display"];
	        this.contactId = source["contactId"];
	        this.contactName = source["contactName"];
	        this.created = source["created"];
	        this.targeting = this.convertValues(source["targeting"], Decision);
	        this.ruleId = source["ruleId"];
	        this.ruleName = source["ruleName"];
	        this.keyword = source["keyword"];
	        this.reply = source["reply"];
	        this.why = source["why"];
	        this.savedGroups = source["savedGroups"];
	        this.statedName = source["statedName"];
	        this.nameOutcome = source["nameOutcome"];
	        this.optedOut = source["optedOut"];
	        this.dryRun = source["dryRun"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Saved {
	    phone: string;
	    display: string;
	    name: string;
	    groups: number[];
	    new: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Saved(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.phone = source["phone"];
	        this.display = source["display"];
	        this.name = source["name"];
	        this.groups = source["groups"];
	        this.new = source["new"];
	    }
	}
	export class ChatSummary {
	    layout: string;
	    messages: number;
	    skipped: number;
	    unresolved: number;
	    replies: number;
	    newContacts: number;
	    names: number;
	    saved: Saved[];
	    outcomes: Outcome[];
	    dryRun: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ChatSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.layout = source["layout"];
	        this.messages = source["messages"];
	        this.skipped = source["skipped"];
	        this.unresolved = source["unresolved"];
	        this.replies = source["replies"];
	        this.newContacts = source["newContacts"];
	        this.names = source["names"];
	        this.saved = this.convertValues(source["saved"], Saved);
	        this.outcomes = this.convertValues(source["outcomes"], Outcome);
	        this.dryRun = source["dryRun"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RuleDecision {
	    ruleId: number;
	    ruleName: string;
	    enabled: boolean;
	    decision: Decision;
	
	    static createFrom(source: any = {}) {
	        return new RuleDecision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ruleId = source["ruleId"];
	        this.ruleName = source["ruleName"];
	        this.enabled = source["enabled"];
	        this.decision = this.convertValues(source["decision"], Decision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Explanation {
	    autoReply: Decision;
	    agent: Decision;
	    rules: RuleDecision[];
	
	    static createFrom(source: any = {}) {
	        return new Explanation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.autoReply = this.convertValues(source["autoReply"], Decision);
	        this.agent = this.convertValues(source["agent"], Decision);
	        this.rules = this.convertValues(source["rules"], RuleDecision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LogQuery {
	    text: string;
	    before: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new LogQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.before = source["before"];
	        this.limit = source["limit"];
	    }
	}
	
	
	export class Rule {
	    id: number;
	    name: string;
	    enabled: boolean;
	    position: number;
	    keywords: string[];
	    match: string;
	    reply: string;
	    cooldownSec: number;
	    saveContact: boolean;
	    saveGroups: number[];
	    whitelist: number[];
	    blacklist: number[];
	
	    static createFrom(source: any = {}) {
	        return new Rule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.enabled = source["enabled"];
	        this.position = source["position"];
	        this.keywords = source["keywords"];
	        this.match = source["match"];
	        this.reply = source["reply"];
	        this.cooldownSec = source["cooldownSec"];
	        this.saveContact = source["saveContact"];
	        this.saveGroups = source["saveGroups"];
	        this.whitelist = source["whitelist"];
	        this.blacklist = source["blacklist"];
	    }
	}
	
	
	export class Settings {
	    replyWhitelist: number[];
	    replyBlacklist: number[];
	    agentEnabled: boolean;
	    agentWhitelist: number[];
	    agentBlacklist: number[];
	    nameDetection: boolean;
	    webhookEnabled: boolean;
	    webhookPort: number;
	    webhookToken: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.replyWhitelist = source["replyWhitelist"];
	        this.replyBlacklist = source["replyBlacklist"];
	        this.agentEnabled = source["agentEnabled"];
	        this.agentWhitelist = source["agentWhitelist"];
	        this.agentBlacklist = source["agentBlacklist"];
	        this.nameDetection = source["nameDetection"];
	        this.webhookEnabled = source["webhookEnabled"];
	        this.webhookPort = source["webhookPort"];
	        this.webhookToken = source["webhookToken"];
	    }
	}
	export class TestMessage {
	    from: string;
	    name: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new TestMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.name = source["name"];
	        this.message = source["message"];
	    }
	}
	export class WebhookStatus {
	    running: boolean;
	    address: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new WebhookStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.address = source["address"];
	        this.error = source["error"];
	    }
	}

}

export namespace main {
	
	export class Status {
	    state: string;
	    message: string;
	    dataDir: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.message = source["message"];
	        this.dataDir = source["dataDir"];
	    }
	}

}

export namespace settings {
	
	export class Country {
	    code: string;
	    name: string;
	    callingCode: string;
	
	    static createFrom(source: any = {}) {
	        return new Country(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.callingCode = source["callingCode"];
	    }
	}
	export class Settings {
	    language: string;
	    country: string;
	    systemLanguage: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.country = source["country"];
	        this.systemLanguage = source["systemLanguage"];
	    }
	}

}

